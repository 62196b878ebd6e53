"""Runs a command on a pseudo-terminal, answers its prompts, then closes the terminal (as an SSH
session that drops or a window that is shut does) and reports how the command ended.

usage: pty-hangup.py STEPS_JSON CMD...   (STEPS_JSON: [[expect, keys], ...]; after the last step the
terminal is closed once the next expected text, if any, has been seen: the last step may have keys '')
Stdin and stdout are the terminal that closes; stderr is a second terminal that stays open, so what the
command says (and any crash) can be read. Prints JSON: {"exit": code or null, "signal": number or
null, "stderr": text}.
"""
import json, os, pty, select, sys, time

steps = json.loads(sys.argv[1])
cmd = sys.argv[2:]
err_master, err_slave = os.openpty()
pid, fd = pty.fork()
if pid == 0:
    # A person at a terminal, whatever the CI runner sets (context.ts canAsk asks nothing under CI=true).
    os.environ.pop('CI', None)
    os.close(err_master)
    os.dup2(err_slave, 2)
    os.close(err_slave)
    os.execvp(cmd[0], cmd)
os.close(err_slave)

err = b''
def pump(until=None, timeout=15.0):
    """Reads stderr (and drains the terminal) until `until` is seen or the time is up."""
    global err
    deadline = time.time() + timeout
    while time.time() < deadline:
        if until is not None and until.encode() in err:
            return True
        fds = [err_master] + ([fd] if fd is not None else [])
        r, _, _ = select.select(fds, [], [], 0.05)
        for f in r:
            try:
                chunk = os.read(f, 65536)
            except OSError:
                chunk = b''
            if f == err_master:
                err += chunk
    return until is None

seen = 0
for expect, keys in steps:
    if not pump(expect):
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        print(json.dumps({"exit": None, "signal": None, "stderr": err.decode('utf8', 'replace'), "timeout": expect}))
        sys.exit(0)
    time.sleep(0.2)
    if keys:
        os.write(fd, keys.encode())
os.close(fd)
fd = None
status = None
deadline = time.time() + 15
while time.time() < deadline:
    done, status = os.waitpid(pid, os.WNOHANG)
    if done:
        break
    pump(None, 0.1)
else:
    os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
pump(None, 0.3)
print(json.dumps({
    "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
    "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
    "stderr": err.decode('utf8', 'replace'),
}))
