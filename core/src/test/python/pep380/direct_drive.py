# A delegate driven directly (send, throw) while another generator is suspended in
# `yield from` on it: the delegating generator carries on from the delegate's current state,
# and once the delegate has finished its `yield from` returns None.

def inner():
    x = yield 'inner 1'
    while True:
        try:
            x = yield 'inner got %s' % x
        except ValueError as e:
            print('inner caught', e)
            return 'inner result'

def outer(i):
    r = yield from i
    print('outer: yield from returned', r)
    yield 'outer after'

i = inner()
g = outer(i)
print(next(g))
print(i.send('direct'))
print(g.send('through outer'))
try:
    i.throw(ValueError('direct stop'))
except StopIteration as e:
    print('inner returned', e.value, 'when driven directly')
print(next(g))
print(next(g, 'outer ended'))
