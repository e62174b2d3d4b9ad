# close() on a generator suspended in `yield from`: the delegate returns a value when it is
# closed, and GeneratorExit is still raised at the delegating generator's `yield from`.

def inner():
    try:
        yield 'inner 1'
    except GeneratorExit:
        print('inner caught GeneratorExit, returns 42')
        return 42

def outer():
    try:
        r = yield from inner()
        print('outer got', r)
        yield 'outer after'
    except GeneratorExit:
        print('outer caught GeneratorExit at its yield from')
        raise
    finally:
        print('outer finally')

g = outer()
print(next(g))
g.close()
print('closed; outer finished:', 'yes' if g.gi_frame is None else 'no')
