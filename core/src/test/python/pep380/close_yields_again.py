# close() on a generator suspended in `yield from` whose delegate yields again when closed:
# the error for the ignored GeneratorExit is raised at the delegating generator's
# `yield from` (its finally runs) and out of close(); the delegate stays suspended.

def inner():
    try:
        yield 'inner 1'
    finally:
        print('inner finally, yields again')
        yield 'inner 2'
        print('inner resumed after being closed')

def outer(i):
    try:
        yield from i
        print('outer after yield from')
    finally:
        print('outer finally')

i = inner()
g = outer(i)
print(next(g))
try:
    g.close()
except RuntimeError as e:
    print('close() raised', type(e).__name__ + ':', e)
print('outer finished:', 'yes' if g.gi_frame is None else 'no')
print('inner finished:', 'yes' if i.gi_frame is None else 'no')
try:
    next(i)
except GeneratorExit:
    print('inner ended: its finally raised the GeneratorExit again')
