# logsim.py
#
# Writes a simulated Apache access log to a file, for follow.py and
# friends to watch.  The course's own logsim.py replays a real server log;
# this one makes its entries up from a fixed pseudo-random sequence, so the
# same run always writes the same lines (samples.jar's "logsim" writes
# exactly these lines too).

import datetime
import sys
import time

HOSTS = ['66.249.65.12', '75.54.118.139', '38.99.44.101', '194.105.57.11',
         '210.212.209.67', '74.6.72.229', '24.7.105.24', '128.135.125.245']

PATHS = ['/index.html',
         '/python/tutorial/beazley_intro_python/intropy.pdf',
         '/ply/ply.html',
         '/ply/ply-2.3.tar.gz',
         '/swig/index.html',
         '/python/generators.html',
         '/papers/Python-xml.pdf',
         '/cgi-bin/wiki.pl?SwigFaq',
         '/favicon.ico',
         '/robots.txt',
         '/python/ply/example.html',
         '/swig/python/swig-1.3.36.tar.gz',
         '/software/swig.html']

STATUSES = [200, 200, 200, 200, 304, 404]

# A linear congruential generator: the same numbers in every language
def numbers(seed):
    state = seed
    while True:
        state = (state * 1103515245 + 12345) % 2**31
        yield state >> 8

def loglines(count):
    rand = numbers(20080224)
    when = datetime.datetime(2008, 2, 24, 0, 8, 59)
    for _ in range(count):
        host = HOSTS[next(rand) % len(HOSTS)]
        path = PATHS[next(rand) % len(PATHS)]
        status = STATUSES[next(rand) % len(STATUSES)]
        size = str(next(rand) % 100000) if status == 200 else '-'
        when += datetime.timedelta(seconds=next(rand) % 7)
        stamp = when.strftime('%d/%b/%Y:%H:%M:%S') + ' -0600'
        yield '%s - - [%s] "GET %s HTTP/1.1" %s %s\n' % (host, stamp, path, status, size)

def logsim(filename, count, interval):
    with open(filename, 'a') as f:
        for line in loglines(count):
            f.write(line)
            f.flush()
            time.sleep(interval)

if __name__ == '__main__':
    filename = sys.argv[1] if len(sys.argv) > 1 else 'access-log'
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    interval = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
    logsim(filename, count, interval)
