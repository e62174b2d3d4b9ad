# cobroadcast.py
#
# An example of broadcasting a data stream onto multiple coroutine targets.
#
# Adapted: the data source reads the log file from its start to its end
# instead of following it, so that a run ends.

import sys
from coroutine import coroutine

# A data source.  This is not a coroutine, but it sends
# data into one (target)

def source(thefile, target):
    for line in thefile:
        target.send(line)

# A filter.
@coroutine
def grep(pattern,target):
    while True:
        line = (yield)           # Receive a line
        if pattern in line:
            target.send(line)    # Send to next stage

# A sink.  A coroutine that receives data
@coroutine
def printer():
    while True:
         line = (yield)
         print(line, end=' ')

# Broadcast a stream onto multiple targets
@coroutine
def broadcast(targets):
    while True:
        item = (yield)
        for target in targets:
            target.send(item)

# Example use
if __name__ == '__main__':
    f = open(sys.argv[1] if len(sys.argv) > 1 else "access-log")
    source(f,
       broadcast([grep('python',printer()),
                  grep('ply',printer()),
                  grep('swig',printer())])
           )
