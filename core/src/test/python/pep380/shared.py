# One generator delegated to by two generators that take turns: each carries on from the
# delegate's current state; the one whose delegate was finished by the other gets None.

def counter():
    try:
        for n in range(4):
            yield n
        return 'counter done'
    finally:
        print('counter finally')

def delegator(name, c):
    r = yield from c
    print(name, 'yield from returned', r)
    yield name + ' after'

c = counter()
a = delegator('a', c)
b = delegator('b', c)
print('a', next(a))
print('b', next(b))
print('a', next(a))
print('b', next(b))
print('a', next(a))
print('b', next(b))
