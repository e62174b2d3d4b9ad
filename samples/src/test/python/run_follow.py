# run_follow.py
#
# Runs the tail -f pipeline of pipeline.py (or copipe.py) while logsim.py
# writes to the log, and prints what the pipeline prints.  The writer starts
# once follow() has gone to the end of the file, so every line it writes is
# seen: the file object handed to follow() reports its seek.
#
#   python3 run_follow.py pipeline|copipe LOGFILE WORD|- MAX_LINES COUNT

import sys
import threading

import logsim

class SeekReportingFile:
    def __init__(self, f, at_end):
        self.f = f
        self.at_end = at_end
    def seek(self, *args):
        result = self.f.seek(*args)
        self.at_end.set()
        return result
    def readline(self):
        return self.f.readline()

if __name__ == '__main__':
    program, filename, word, max_lines, count = sys.argv[1:]
    module = __import__(program)
    open(filename, 'w').close()
    at_end = threading.Event()
    def write_log():
        at_end.wait()
        logsim.logsim(filename, int(count), 0)
    writer = threading.Thread(target=write_log)
    writer.start()
    module.run(SeekReportingFile(open(filename), at_end),
               None if word == '-' else word, int(max_lines))
    writer.join()
