# contextmanagers.py
#
# Context managers written as generators with @contextmanager: timethis
# and tempdir, as in "Generators: The Final Frontier", part 2.
#
# Adapted: the slide's timing loop reads "n == 1", which never ends; it is
# "n -= 1" here.  The blocks that use tempdir() are made up to show that the
# directory exists inside the block and is gone after it, also when the
# block fails.

import os
import shutil
import tempfile
import time
from contextlib import contextmanager

@contextmanager
def timethis(label):
    start = time.time()
    try:
        yield
    finally:
        end = time.time()
        print('%s: %0.3f' % (label, end-start))

@contextmanager
def tempdir():
    outdir = tempfile.mkdtemp()
    try:
        yield outdir
    finally:
        shutil.rmtree(outdir)

def state(dirname):
    return 'exists' if os.path.isdir(dirname) else 'removed'

if __name__ == '__main__':
    with timethis('counting'):
        n = 1000000
        while n > 0:
            n -= 1

    with tempdir() as dirname:
        with open(os.path.join(dirname, 'hello.txt'), 'w') as f:
            f.write('Hello World\n')
        print('Inside the block, the directory', state(dirname),
              'and holds', ', '.join(sorted(os.listdir(dirname))))
    print('After the block, the directory is', state(dirname))

    try:
        with tempdir() as dirname:
            print('Inside the block, the directory', state(dirname))
            raise ValueError('Failed inside the block')
    except ValueError as e:
        print('Caught:', e)
    print('After the failed block, the directory is', state(dirname))
