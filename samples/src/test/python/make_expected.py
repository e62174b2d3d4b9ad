# make_expected.py
#
# Runs the Python originals and writes what they print, for the Java tests
# to compare with (the tests do not need Python).  It also writes the inputs
# that samples.jar ships: the access log (logsim.py's lines) and
# allroutes.xml (make_allroutes.py).
#
#   cd samples/src/test/python && python3 make_expected.py
#
# The programs that never end are stopped once they have printed what the
# tests compare: pyos2.py after its first lines, the echo servers once
# echo_clients.py has talked to them (on a free port).
#
# Everything it writes is committed; run it again only after changing a
# Python program.  Outputs that depend on timing (contextmanagers.txt's
# duration, the echo servers' client ports, futures.txt's times and thread
# ids) change at each run; the tests do not compare those parts.

import os
import subprocess
import sys
import tempfile

import echo_clients

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
EXPECTED = os.path.join(SAMPLES, 'src', 'test', 'resources', 'expected')
RESOURCES = os.path.join(SAMPLES, 'src', 'main', 'resources', 'dev', 'gen4j', 'samples')
ACCESS_LOG = os.path.join(RESOURCES, 'coroutines', 'access-log')
ALLROUTES = os.path.join(RESOURCES, 'xml', 'allroutes.xml')

LOG_LINES = 60
PYOS2_ROUNDS = 10
FUTURES_ARGS = ['0.05', '25', '5']   # futures.py DELAY FIBS TRACE
EVAL_CASES = [
    '2 + 3 * 4 - 5',
    '7 / 2',
    '2 + 3 * 4 - 5 / 2',
    '1 - 2 - 3',
    '8 / 2 / 2',
    '100 / 4',
    '1 / 3',
    '10 / 100000',
    '1 / 30000',
    '123456789 * 987654321 / 7',
    '99999999999 * 99999999999 * 99999999999',
    '2 / 3 * 3 + 1',
    '12 34',
    '2 + x',
    '2 +',
    '',
    '1 / 0',
    '2 * 3 / 0 + 1',
]

def python(*args, check=True):
    done = subprocess.run([sys.executable] + list(args), cwd=HERE,
                          capture_output=True, text=True)
    if check and done.returncode != 0:
        sys.exit('%s failed:\n%s' % (' '.join(args), done.stderr))
    return done

def first_lines(script, count):
    """The first lines a program that never ends prints; then it is stopped."""
    program = subprocess.Popen([sys.executable, script], cwd=HERE,
                               stdout=subprocess.PIPE, text=True)
    lines = [program.stdout.readline() for _ in range(count)]
    program.kill()
    program.wait()
    return ''.join(lines)

def cut_alive_runs(text):
    """Each run of "I'm alive!" lines as one line: how many there are depends on timing."""
    kept = []
    for line in text.splitlines(keepends=True):
        if not (line == "I'm alive!\n" and kept and kept[-1] == line):
            kept.append(line)
    return ''.join(kept)

def expect(name, text):
    with open(os.path.join(EXPECTED, name), 'w') as f:
        f.write(text)
    print('wrote', name)

def last_line(text):
    lines = text.strip().splitlines()
    return lines[-1] if lines else ''

def main():
    os.makedirs(EXPECTED, exist_ok=True)
    os.makedirs(os.path.dirname(ACCESS_LOG), exist_ok=True)
    os.makedirs(os.path.dirname(ALLROUTES), exist_ok=True)

    # Inputs shipped in samples.jar
    if os.path.exists(ACCESS_LOG):
        os.remove(ACCESS_LOG)
    python('logsim.py', ACCESS_LOG, str(LOG_LINES), '0')
    python('make_allroutes.py', ALLROUTES, '120')

    # Seed 003: generators
    with tempfile.TemporaryDirectory() as tmp:
        log = os.path.join(tmp, 'access-log')
        expect('follow-python.txt', python('run_follow.py', 'pipeline', log, 'python', '5', str(LOG_LINES)).stdout)
        expect('follow-all.txt', python('run_follow.py', 'pipeline', log, '-', '8', str(LOG_LINES)).stdout)
        expect('copipe-python.txt', python('run_follow.py', 'copipe', log, 'python', '5', str(LOG_LINES)).stdout)
    expect('bogus.txt', python('bogus.py').stdout)

    # Seed 003: coroutines
    expect('grepclose.txt', python('grepclose.py').stdout)
    expect('cobroadcast.txt', python('cobroadcast.py', ACCESS_LOG).stdout)
    expect('cobroadcast2.txt', python('cobroadcast2.py', ACCESS_LOG).stdout)

    # Seed 003: XML events and concurrency
    expect('buses.txt', python('buses.py', ALLROUTES).stdout)
    expect('coexpat.txt', python('coexpat.py', ALLROUTES).stdout)
    expect('cothread.txt', python('cothread.py', ALLROUTES).stdout)
    expect('coprocess.txt', python('coprocess.py', ALLROUTES).stdout)

    # Seed 004
    expect('contextmanagers.txt', python('contextmanagers.py').stdout)
    failed = python('actor.py', check=False)
    expect('actor.txt', failed.stdout)
    expect('actor-error.txt', last_line(failed.stderr) + '\n')
    expect('actor2-20.txt', python('actor2.py', '20').stdout)

    # Seed 003: pyos, the operating system of tasks
    expect('pyos1.txt', python('pyos1.py').stdout)
    expect('pyos2-%d.txt' % PYOS2_ROUNDS, first_lines('pyos2.py', 2 * PYOS2_ROUNDS))
    for step in range(3, 7):
        expect('pyos%d.txt' % step, python('pyos%d.py' % step).stdout)
    expect('trampoline.txt', python('trampoline.py').stdout)
    expect('echobad.txt', echo_clients.serve('echobad.py', echo_clients.one_client, HERE))
    expect('echogood.txt', cut_alive_runs(echo_clients.serve('echogood.py', echo_clients.two_clients, HERE)))
    for server in ['echogood2', 'echoserver', 'echoserver2']:
        expect(server + '.txt', echo_clients.serve(server + '.py', echo_clients.two_clients, HERE))

    # Seed 004: inlined futures
    expect('futures.txt', python('futures.py', *FUTURES_ARGS).stdout)

    # One line per case: expression, what it prints, the error it ends with
    rows = []
    for case in EVAL_CASES + ['--sum-to 1000', '--sum-to 1000000']:
        args = case.split() if case.startswith('--') else [case]
        run = python('compiler.py', *args, check=False)
        error = last_line(run.stderr).split(':')[0] if run.returncode else ''
        rows.append('\t'.join([case, run.stdout.strip(), error]))
    expect('compiler.tsv', '\n'.join(rows) + '\n')

if __name__ == '__main__':
    main()
