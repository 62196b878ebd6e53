"""Drives a command through a real pseudo-terminal: waits for each expected text, then types keys.

usage: pty-drive.py STEPS_JSON CMD...   (STEPS_JSON: [[expect, keys], ...])
Prints the transcript; exits with the command's exit code (or 99 on a time-out).
"""
import fcntl, json, os, pty, select, struct, sys, termios, time

steps = json.loads(sys.argv[1])
cmd = sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.environ['COLUMNS'] = os.environ.get('PTY_COLS', '120')
    # The pty stands for a person at a terminal: a CI runner's own CI=true would make the run ask
    # nothing (context.ts canAsk). PTY_CI sets CI for a test of exactly that.
    os.environ.pop('CI', None)
    if os.environ.get('PTY_CI'):
        os.environ['CI'] = os.environ['PTY_CI']
    os.execvp(cmd[0], cmd)

# a wide terminal, so that question texts are not wrapped across lines
# (PTY_COLS narrows it, to test wrapping)
cols = int(os.environ.get('PTY_COLS', '200'))
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 50, cols, 0, 0))

buf = b''
full = b''
def read_until(text, timeout=40):
    global buf, full
    deadline = time.time() + timeout
    while text.encode() not in buf:
        left = deadline - time.time()
        if left <= 0:
            return False
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                return text.encode() in buf
            if not chunk:
                return text.encode() in buf
            buf += chunk
            full += chunk
    return True

for expect, keys in steps:
    if not read_until(expect):
        sys.stdout.write(full.decode('utf8', 'replace'))
        sys.stdout.write('\n[pty-drive] timed out waiting for %r\n' % expect)
        os.kill(pid, 9)
        sys.exit(99)
    buf = buf[buf.index(expect.encode()) + len(expect.encode()):]
    time.sleep(0.15)
    # A signal instead of keys: `<SIGTERM>`, `<SIGHUP>` (sent to the command, as `kill` from another shell).
    if keys.startswith('<SIG') and keys.endswith('>'):
        import signal
        os.kill(pid, getattr(signal, keys[1:-1]))
        continue
    os.write(fd, keys.encode())

# drain until exit
transcript = full
while True:
    r, _, _ = select.select([fd], [], [], 10)
    if not r:
        break
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        break
    if not chunk:
        break
    transcript += chunk
_, status = os.waitpid(pid, 0)
sys.stdout.write(transcript.decode('utf8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status) if hasattr(os, 'waitstatus_to_exitcode') else status >> 8)
