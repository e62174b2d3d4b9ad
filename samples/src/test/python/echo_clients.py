# echo_clients.py
#
# Runs one of the pyos echo servers (echobad.py, echogood.py, ...) on a free
# port, talks to it, and returns what the server printed.  The server is
# stopped once it has printed what the talk makes it print: the seed's
# servers never end by themselves.
#
# The talks (the Java tests hold the same ones):
#   one_client:  connects, has 'one' echoed, closes.
#   two_clients: A connects and has 'one' echoed; B connects and has 'two'
#                echoed; A has 'three' echoed (both are open: the server
#                serves them at once); A closes; B closes.
# A client closes by shutting down its sending side and reading until the
# server closes its end, so the server has seen the close when the next
# step starts.

import socket
import subprocess
import sys
import threading
import time

CONNECT_ATTEMPTS = 500

class ServerOutput:
    """The lines a server prints, read as they come."""
    def __init__(self, stream):
        self.lines = []
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, args=(stream,))
        self.reader.start()

    def _read(self, stream):
        for line in stream:
            with self.changed:
                self.lines.append(line)
                self.changed.notify_all()

    def wait_for(self, text, count=1, timeout=30):
        """Waits until `count` lines contain `text`."""
        with self.changed:
            if not self.changed.wait_for(
                    lambda: sum(text in line for line in self.lines) >= count, timeout):
                sys.exit('the server did not print %r %d times:\n%s' % (text, count, ''.join(self.lines)))

    def text(self):
        """The complete lines: a line cut short by the kill is left out."""
        self.reader.join()
        return ''.join(line for line in self.lines if line.endswith('\n'))

def free_port():
    with socket.socket() as s:
        s.bind(('127.0.0.1', 0))
        return s.getsockname()[1]

def connect(port):
    """Connects once the server listens: it prints 'Server starting' before it binds."""
    for _ in range(CONNECT_ATTEMPTS):
        try:
            return socket.create_connection(('127.0.0.1', port))
        except ConnectionRefusedError:
            time.sleep(0.01)
    sys.exit('cannot connect to port %d' % port)

def echo(sock, data):
    sock.sendall(data)
    received = b''
    while len(received) < len(data):
        chunk = sock.recv(65536)
        if not chunk:
            sys.exit('the server closed the connection')
        received += chunk
    if received != data:
        sys.exit('sent %r, got %r' % (data, received))

def finish(sock):
    sock.shutdown(socket.SHUT_WR)
    while sock.recv(65536):
        pass
    sock.close()

def one_client(port, output):
    a = connect(port)
    echo(a, b'one')
    finish(a)
    output.wait_for('Client closed')

def two_clients(port, output):
    a = connect(port)
    echo(a, b'one')
    b = connect(port)
    echo(b, b'two')
    echo(a, b'three')
    finish(a)
    output.wait_for(' terminated')
    finish(b)
    output.wait_for(' terminated', 2)

def serve(script, talk, here):
    """Runs `script` (a server) while `talk` talks to it; returns what it printed."""
    port = free_port()
    server = subprocess.Popen([sys.executable, '-u', script, str(port)], cwd=here,
                              stdout=subprocess.PIPE, text=True)
    output = ServerOutput(server.stdout)
    try:
        talk(port, output)
    finally:
        server.kill()
        server.wait()
    return output.text()
