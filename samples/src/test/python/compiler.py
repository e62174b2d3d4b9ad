# compiler.py
#
# The expression evaluator of "Generators: The Final Frontier", part 7:
# tokenize, parse into a tree of nodes, and evaluate the tree with a visitor.
# The plain visitor recurses and dies on deep trees; the generator visitor
# yields the child nodes it wants evaluated and a stack of running
# generators replaces the recursion.
#
# Adapted: the expression comes from the command line:
#
#   python3 compiler.py [--recursive] EXPR
#   python3 compiler.py [--recursive] --sum-to N     (evaluates 0+1+...+(N-1))

import re
import sys
import types
from collections import namedtuple

tokens = [
    r'(?P<NUM>\d+)',
    r'(?P<PLUS>\+)',
    r'(?P<MINUS>-)',
    r'(?P<TIMES>\*)',
    r'(?P<DIVIDE>/)',
    r'(?P<WS>\s+)',
    ]
master_re = re.compile('|'.join(tokens))
Token = namedtuple('Token', ['type','value'])
def tokenize(text):
    scan = master_re.scanner(text)
    return (Token(m.lastgroup, m.group())
            for m in iter(scan.match, None)
            if m.lastgroup != 'WS')

class Node:
    _fields = []
    def __init__(self, *args):
        for name, value in zip(self._fields, args):
            setattr(self, name, value)

class BinOp(Node):
    _fields = ['op', 'left', 'right']

class Number(Node):
    _fields = ['value']

def parse(toks):
    lookahead, current = next(toks, None), None
    def accept(*toktypes):
        nonlocal lookahead, current
        if lookahead and lookahead.type in toktypes:
            current, lookahead = lookahead, next(toks, None)
            return True

    def expr():
        left = term()
        while accept('PLUS','MINUS'):
            left = BinOp(current.value, left)
            left.right = term()
        return left

    def term():
        left = factor()
        while accept('TIMES','DIVIDE'):
            left = BinOp(current.value, left)
            left.right = factor()
        return left

    def factor():
        if accept('NUM'):
            return Number(int(current.value))
        else:
            raise SyntaxError()
    return expr()

# The plain visitor: every visit is a call, and deep trees overflow the stack

class RecursiveNodeVisitor:
    def visit(self, node):
        return getattr(self, 'visit_' + type(node).__name__)(node)

class RecursiveEvaluator(RecursiveNodeVisitor):
    def visit_Number(self, node):
        return node.value
    def visit_BinOp(self, node):
        leftval = self.visit(node.left)
        rightval = self.visit(node.right)
        if node.op == '+':
            return leftval + rightval
        elif node.op == '-':
            return leftval - rightval
        elif node.op == '*':
            return leftval * rightval
        elif node.op == '/':
            return leftval / rightval

# The generator visitor: a visit_ method that yields a node gets that
# node's value sent back; the running generators are kept on a stack

class NodeVisitor:
    def genvisit(self, node):
        result = getattr(self, 'visit_' + type(node).__name__)(node)
        if isinstance(result, types.GeneratorType):
            result = yield from result
        return result

    def visit(self, node):
        stack = [ self.genvisit(node) ]
        result = None
        while stack:
            try:
                node = stack[-1].send(result)
                stack.append(self.genvisit(node))
                result = None
            except StopIteration as exc:
                stack.pop()
                result = exc.value
        return result

class Evaluator(NodeVisitor):
    def visit_Number(self, node):
        return node.value
    def visit_BinOp(self, node):
        leftval = yield node.left
        rightval = yield node.right
        if node.op == '+':
            result = leftval + rightval
        elif node.op == '-':
            result = leftval - rightval
        elif node.op == '*':
            result = leftval * rightval
        elif node.op == '/':
            result = leftval / rightval
        return result

if __name__ == '__main__':
    args = sys.argv[1:]
    evaluator = Evaluator()
    if args[0] == '--recursive':
        evaluator = RecursiveEvaluator()
        args = args[1:]
    if args[0] == '--sum-to':
        # Make '0+1+2+3+4+...+(N-1)'
        text = '+'.join(str(x) for x in range(int(args[1])))
    else:
        text = args[0]
    toks = tokenize(text)
    tree = parse(toks)
    val = evaluator.visit(tree)
    print(val)
