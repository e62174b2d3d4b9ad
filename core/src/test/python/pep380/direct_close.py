# A delegate closed directly while another generator is suspended in `yield from` on it:
# its finally runs once, and the delegating generator's `yield from` then returns None.

def inner():
    try:
        yield 'inner 1'
        yield 'inner 2'
    finally:
        print('inner finally')

def outer(i):
    r = yield from i
    print('outer: yield from returned', r)
    yield 'outer after'

i = inner()
g = outer(i)
print(next(g))
i.close()
print(next(g))
print(next(g, 'outer ended'))
print(next(g, 'outer ended'))
