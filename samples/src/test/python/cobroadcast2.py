# cobroadcast2.py
#
# An example of broadcasting a data stream onto multiple coroutine targets.
# This example shows "fan-in"---a situation where multiple coroutines
# send to the same target.
#
# Adapted: the data source reads the log file from its start to its end
# instead of following it, so that a run ends.

import sys
from cobroadcast import source, grep, printer, broadcast

# Example use
if __name__ == '__main__':
    f = open(sys.argv[1] if len(sys.argv) > 1 else "access-log")
    p = printer()
    source(f,
       broadcast([grep('python',p),
                  grep('ply',p),
                  grep('swig',p)])
           )
