# busproc.py
#
# Bus processor.  This runs as a subprocess from the coprocess.py example
#
# Adapted: pickles are bytes, so they are read from sys.stdin.buffer.

import sys
from coprocess import recvfrom
from buses import *

recvfrom(sys.stdin.buffer,
         filter_on_field("route","22",
         filter_on_field("direction","North Bound",
         bus_locations())))
