# actor2.py
#
# Generators as named actors with a tiny message scheduler
# ("Generators: The Final Frontier", part 6, solution 2): send() only drops
# a message on a queue, and run() delivers the messages one at a time.
#
# Adapted: run() stops after count messages (the seed runs forever).

import sys
from collections import deque

_registry = { }
_msg_queue = deque()

def send(name, msg):
    _msg_queue.append((name, msg))

def run(count):
    while _msg_queue and count > 0:
        name, msg = _msg_queue.popleft()
        _registry[name].send(msg)
        count -= 1

def actor(func):
    def wrapper(*args, **kwargs):
        gen = func(*args, **kwargs)
        next(gen)
        _registry[func.__name__] = gen
    return wrapper

@actor
def ping():
    while True:
        n = yield
        print('ping %d' % n)
        send('pong', n + 1)

@actor
def pong():
    while True:
        n = yield
        print('pong %d' % n)
        send('ping', n + 1)

if __name__ == '__main__':
    ping()
    pong()
    send('ping', 0)
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
