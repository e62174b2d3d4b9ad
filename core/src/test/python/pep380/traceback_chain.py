# An exception raised three generators down: the traceback shows every `yield from` it
# passed through. Printed innermost first, up to the function that drove the chain.

import traceback

def leaf():
    yield 'leaf'
    raise ValueError('three levels down')

def middle():
    yield from leaf()

def top():
    yield from middle()

def drive():
    g = top()
    next(g)
    next(g)

try:
    drive()
except ValueError as e:
    print(type(e).__name__ + ':', e)
    for frame in reversed(traceback.extract_tb(e.__traceback__)):
        print(frame.name)
        if frame.name == 'drive':
            break
