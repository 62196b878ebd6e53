import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';

/**
 * A path as a terminal or a file manager pastes it, made the path it names: one pair of matching
 * quotes taken off (GNOME Terminal drags `'/tmp/my deals.csv' `, Windows "Copy as path" gives
 * `"C:\…\deals.csv"`), backslash-escaped spaces and shell characters unescaped on POSIX (macOS
 * Terminal drags `/tmp/my\ deals.csv`; on Windows a backslash is the separator), and a `file://` URL
 * decoded (`file:///tmp/my%20deals.csv`). A leading `~` or `~/` (unquoted, as a shell expands it) is
 * the home folder: `~/Загрузки/deals.csv` was «файл не найден». Anything else is returned trimmed, as typed.
 */
export function pastedPath(text: string, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  let s = text.trim();
  const tilde = s === '~' || s.startsWith('~/') || (platform === 'win32' && s.startsWith('~\\'));
  const posix = platform !== 'win32';
  const quote = s.length >= 2 && (s[0] === "'" || s[0] === '"') && s.at(-1) === s[0] ? s[0] : undefined;
  if (quote === "'") {
    // Inside single quotes a shell takes every character as it is; a quote in the name is written '\''.
    s = s.slice(1, -1);
    if (posix) s = s.replace(/'\\''/g, "'");
  } else if (quote === '"') {
    s = s.slice(1, -1);
    // Inside double quotes a POSIX shell unescapes only $ ` " \ (a Windows path keeps its backslashes).
    if (posix) s = s.replace(/\\([$`"\\])/g, '$1');
  } else if (posix) {
    s = s.replace(/\\(.)/g, '$1');
  }
  if (tilde) return home + s.slice(1);
  if (/^file:\/\//i.test(s)) {
    try {
      return fileURLToPath(s);
    } catch {
      return s;
    }
  }
  return s;
}
