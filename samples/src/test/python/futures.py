# futures.py
#
# Inlined futures ("Generators: The Final Frontier", parts 4 and 5), the
# slides' code put together in one program: a Task steps a generator that
# yields futures, and the future's callback sends the result back in.
#
#   python3 futures.py [DELAY [FIBS [TRACE]]]
#
# Adapted: func sleeps DELAY seconds (the slides: 5, then 1) and after()
# waits DELAY seconds (the slides: 10); compute_fibs goes to FIBS (the
# slides: 34, 35) and, in the two examples that print threads, to TRACE.
# Each example waits for its task before the next starts, and prints a
# heading, so that the examples do not interleave.  The slides' typos are
# fixed ("patch future(Future)", "run inline future(compute fibs(35))",
# "max workers=8"), and tpool.submit() gets run_inline_thread and its
# argument, not the result of calling it.

import inspect
import sys
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor, ProcessPoolExecutor

DELAY = float(sys.argv[1]) if len(sys.argv) > 1 else 1
FIBS = int(sys.argv[2]) if len(sys.argv) > 2 else 34
TRACE = int(sys.argv[3]) if len(sys.argv) > 3 else 5

pool = ThreadPoolExecutor(max_workers=8)

def func(x, y):
    'Some function. Nothing too interesting'
    time.sleep(DELAY)
    return x + y

# Tasks as futures, with exception handling
class Task(Future):
    def __init__(self, gen):
        super().__init__()
        self._gen = gen

    def step(self, value=None, exc=None):
        try:
            if exc:
                fut = self._gen.throw(exc)
            else:
                fut = self._gen.send(value)
            fut.add_done_callback(self._wakeup)
        except StopIteration as exc:
            self.set_result(exc.value)

    def _wakeup(self, fut):
        try:
            result = fut.result()
            self.step(result, None)
        except Exception as exc:
            self.step(None, exc)

def inlined_future(func):
    assert inspect.isgeneratorfunction(func)
    return func

def start_inline_future(fut):
    t = Task(fut)
    t.step()
    return t

def run_inline_future(fut):
    t = start_inline_future(fut)
    return t.result()

# Iterable futures: 'yield from' a future
def patch_future(cls):
    def __iter__(self):
        if not self.done():
            yield self
        return self.result()
    cls.__iter__ = __iter__

print('== Inlined future')

@inlined_future
def do_func(x, y):
    result = yield pool.submit(func, x, y)
    print('Got:', result)

t = Task(do_func(2, 3))
t.step()
t.result()

print('== Multiple yields')

@inlined_future
def do_many(n):
    while n > 0:
        result = yield pool.submit(func, n, n)
        print('Got:', result)
        n -= 1

t = Task(do_many(5))
t.step()
t.result()

print('== Error')

@inlined_future
def do_func(x, y):
    try:
        result = yield pool.submit(func, x, y)
        print('Got:', result)
    except Exception as e:
        print('Failed:', repr(e))

t = Task(do_func(2, 'Hello'))
t.step()
t.result()

print('== after(): iterating gen by hand')

def after(delay, gen):
    '''
    Run an inlined future after a time delay
    '''
    yield pool.submit(time.sleep, delay)
    for f in gen:
        yield f

t = Task(after(DELAY, do_func(2, 3)))
t.step()
t.result()

print('== after(): sending into gen by hand')

def after(delay, gen):
    yield pool.submit(time.sleep, delay)
    result = None
    try:
        while True:
            f = gen.send(result)
            result = yield f
    except StopIteration:
        pass

t = Task(after(DELAY, do_func(2, 3)))
t.step()
t.result()

print('== after(): yield from gen')

def after(delay, gen):
    yield pool.submit(time.sleep, delay)
    yield from gen

t = Task(after(DELAY, do_func(2, 3)))
t.step()
t.result()

print('== after(): yield from a future')

patch_future(Future)

@inlined_future
def after(delay, gen):
    yield from pool.submit(time.sleep, delay)
    yield from gen

t = Task(after(DELAY, do_func(2, 3)))
t.step()
t.result()

print('== Tasks as futures')

@inlined_future
def do_func(x, y):
    result = yield pool.submit(func, x, y)
    return result

t = Task(do_func(2,3))
t.step()
print("Got:", t.result())

result = run_inline_future(do_func(2,3))
print('Got:', result)

t1 = start_inline_future(do_func(2, 3))
t2 = start_inline_future(do_func(4, 5))
result1 = t1.result()
result2 = t2.result()
print('Got:', result1, result2)

print('== compute_fibs() over a process pool')

def fib(n):
    return 1 if n <= 2 else (fib(n-1) + fib(n-2))

@inlined_future
def compute_fibs(n):
    result = []
    for i in range(n):
        val = yield from pool.submit(fib, i)
        result.append(val)
    return result

pool = ProcessPoolExecutor(4)
result = run_inline_future(compute_fibs(FIBS))
print(result)

start = time.time()
run_inline_future(compute_fibs(FIBS))
run_inline_future(compute_fibs(FIBS))
print('Sequential: %0.2fs' % (time.time() - start))

start = time.time()
t1 = start_inline_future(compute_fibs(FIBS))
t2 = start_inline_future(compute_fibs(FIBS))
result1 = t1.result()
result2 = t2.result()
print('Parallel: %0.2fs' % (time.time() - start))

print('== Execution model')

@inlined_future
def compute_fibs(n):
    result = []
    for i in range(n):
        print(threading.current_thread())
        val = yield from pool.submit(fib, i)
        result.append(val)
    return result

t1 = start_inline_future(compute_fibs(TRACE))
t2 = start_inline_future(compute_fibs(TRACE))
result1 = t1.result()
result2 = t2.result()

print('== Inlined thread execution')

def run_inline_thread(gen):
    value = None
    exc = None
    while True:
        try:
            if exc:
                fut = gen.throw(exc)
            else:
                fut = gen.send(value)
            try:
                value = fut.result()
                exc = None
            except Exception as e:
                exc = e
        except StopIteration as exc:
            return exc.value

tpool = ThreadPoolExecutor(8)
t1 = tpool.submit(run_inline_thread, compute_fibs(TRACE))
t2 = tpool.submit(run_inline_thread, compute_fibs(TRACE))
result1 = t1.result()
result2 = t2.result()
print('Got:', result1, result2)
pool.shutdown()
tpool.shutdown()
