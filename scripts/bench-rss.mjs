// Preloaded into a benchmarked process (node --import): reports its peak RSS on exit.
process.on('exit', () => {
  process.stderr.write(`\n@@peak-rss ${process.resourceUsage().maxRSS * 1024}\n`);
});
