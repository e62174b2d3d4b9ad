# coprocess.py
#
# An example of running a coroutine in a subprocess connected by a pipe
#
# Adapted: the subprocess is started with this Python (sys.executable).

import sys
import pickle as pickle
from coroutine import *

@coroutine
def sendto(f):
    try:
        while True:
            item = (yield)
            pickle.dump(item,f)
            f.flush()
    except StopIteration:
        f.close()

def recvfrom(f,target):
    try:
        while True:
            item = pickle.load(f)
            target.send(item)
    except EOFError:
        target.close()


# Example use
if __name__ == '__main__':
    import xml.sax
    from cosax import EventHandler
    from buses import *

    import subprocess
    p = subprocess.Popen([sys.executable,'busproc.py'],
                         stdin=subprocess.PIPE)

    xml.sax.parse(sys.argv[1] if len(sys.argv) > 1 else "allroutes.xml",
                  EventHandler(
                          buses_to_dicts(
                          sendto(p.stdin))))
