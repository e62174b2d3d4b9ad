# actor.py
#
# Generators as named actors: a central registry and a decorator
# ("Generators: The Final Frontier", part 6, attempt 1).  Sending calls the
# receiving generator at once, so the recursive ping-pong re-enters ping()
# while it is still running, and fails.

_registry = { }

def send(name, msg):
    _registry[name].send(msg)

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
