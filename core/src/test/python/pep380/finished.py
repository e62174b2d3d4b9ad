# `yield from` a generator that has already finished returns None at once.

def one():
    yield 1
    return 'one result'

def delegator(g):
    print('delegating')
    r = yield from g
    print('yield from returned', r)
    yield 'after'

g = one()
print(list(g))
d = delegator(g)
print(next(d))
