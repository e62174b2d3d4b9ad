# make_expected.py
#
# Runs the Python originals of the PEP 380 corners (pep380/*.py) and writes what each
# prints to src/test/resources/expected/pep380/NAME.txt, for the Java tests to compare with
# (the tests do not need Python).
#
#   cd core/src/test/python && python3 make_expected.py
#
# Everything it writes is committed; run it again only after changing a Python program.

import glob
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.normpath(os.path.join(HERE, '..', 'resources', 'expected', 'pep380'))

def main():
    os.makedirs(EXPECTED, exist_ok=True)
    for script in sorted(glob.glob(os.path.join(HERE, 'pep380', '*.py'))):
        done = subprocess.run([sys.executable, script], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit('%s failed:\n%s' % (script, done.stderr))
        name = os.path.splitext(os.path.basename(script))[0] + '.txt'
        with open(os.path.join(EXPECTED, name), 'w') as f:
            f.write(done.stdout)
        print('wrote', name)

if __name__ == '__main__':
    main()
