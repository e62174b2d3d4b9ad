# copipe.py
#
# A simple example showing how to hook up a pipeline with
# coroutines.   To run this, you will need a log file.
# Run the program logsim.py in the background to get a data
# source.
#
# Adapted: the printer stops after max_lines lines (the seed runs forever),
# and each stage stops when the stage it sends to has stopped.

import sys
from coroutine import coroutine

# A data source.  This is not a coroutine, but it sends
# data into one (target)

import time
def follow(thefile, target):
    thefile.seek(0,2)      # Go to the end of the file
    while True:
         line = thefile.readline()
         if not line:
             time.sleep(0.1)    # Sleep briefly
             continue
         try:
             target.send(line)
         except StopIteration:
             return

# A filter.

@coroutine
def grep(pattern,target):
    while True:
        line = (yield)           # Receive a line
        if pattern in line:
            try:
                target.send(line)    # Send to next stage
            except StopIteration:
                return

# A sink.  A coroutine that receives data

@coroutine
def printer(max_lines):
    count = 0
    while count < max_lines:
         line = (yield)
         print(line, end=' ')
         sys.stdout.flush()
         count += 1

def run(logfile, pattern, max_lines):
    sink = printer(max_lines)
    follow(logfile, grep(pattern, sink) if pattern is not None else sink)

if __name__ == '__main__':
    run(open(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
