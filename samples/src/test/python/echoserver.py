# echoserver.py
#
# A concurrent echo server using coroutines
#
# Adapted: the port comes from the command line (default 45000), so that
# the tests can use a free one.

from pyos8 import *
import sys
from socket import *

PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 45000

def handle_client(client,addr):
    print("Connection from", addr)
    while True:
        data = yield Recv(client,65536)
        if not data:
            break
        yield Send(client,data)
    print("Client closed")
    client.close()


def server(port):
    print("Server starting")
    sock = socket(AF_INET,SOCK_STREAM)
    sock.setsockopt(SOL_SOCKET,SO_REUSEADDR,1)
    sock.bind(("",port))
    sock.listen(5)
    while True:
        client,addr = yield Accept(sock)
        yield NewTask(handle_client(client,addr))

sched = Scheduler()
sched.new(server(PORT))
sched.mainloop()
