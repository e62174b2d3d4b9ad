# close() on a chain of three: the innermost returns when closed, so GeneratorExit goes on to
# the middle one, which yields in its finally instead of finishing: the outer one gets the
# error for the ignored GeneratorExit at its `yield from`, catches it and ends, and close()
# returns normally.

def inner():
    try:
        yield 'inner 1'
    except GeneratorExit:
        print('inner returns when closed')
        return 'inner result'

def middle():
    try:
        yield from inner()
    finally:
        print('middle finally yields')
        yield 'middle in finally'

def outer():
    try:
        yield from middle()
    except RuntimeError as e:
        print('outer caught at its yield from:', e)
    print('outer ends')

g = outer()
print(next(g))
g.close()
print('closed; outer finished:', 'yes' if g.gi_frame is None else 'no')
