# make_allroutes.py
#
# Writes allroutes.xml: bus positions in the layout of the Chicago Transit
# Authority feed that the course's buses.py reads.  The positions are made up
# from a fixed pseudo-random sequence, so every run writes the same file.
#
#   python3 make_allroutes.py OUTPUT [BUSES]

import sys

from logsim import numbers

ROUTES = ['22', '22', '22', '36', '147', '8', '9', '151', '3', '4', '49', '82']
DIRECTIONS = ['North Bound', 'South Bound', 'East Bound', 'West Bound']
FINAL_STOPS = {
    'North Bound': 'Clark &amp; Howard',
    'South Bound': '<![CDATA[Harrison & Clark]]>',
    'East Bound': 'Navy Pier',
    'West Bound': '<![CDATA[Austin & Madison]]>',
}
COLORS = ['#3300ff', '#ff0000', '#00cc66', '#996633']

def buses(count):
    rand = numbers(2009)
    for n in range(count):
        route = ROUTES[next(rand) % len(ROUTES)]
        # Route 22 runs along Clark Street: north and south only
        direction = DIRECTIONS[next(rand) % (2 if route == '22' else 4)]
        latitude = 41.75 + (next(rand) % 250000) / 1000000.0
        longitude = -87.75 + (next(rand) % 150000) / 1000000.0
        yield [('id', str(6000 + next(rand) % 4000)),
               ('route', route),
               ('color', COLORS[next(rand) % len(COLORS)]),
               ('revision', str(1 + next(rand) % 3)),
               ('direction', direction),
               ('latitude', repr(latitude)),
               ('longitude', repr(longitude)),
               ('pattern', str(1000 + next(rand) % 9000)),
               ('patternDirection', direction),
               ('run', 'P%d' % (100 + next(rand) % 900)),
               ('finalStop', FINAL_STOPS[direction]),
               ('operator', str(10000 + next(rand) % 90000))]

def write(f, count):
    f.write('<?xml version="1.0"?>\n')
    f.write('<buses rt="all">\n')
    for fields in buses(count):
        f.write('<bus>\n')
        for name, text in fields:
            f.write('\t<%s>%s</%s>\n' % (name, text, name))
        f.write('</bus>\n')
    f.write('</buses>\n')

if __name__ == '__main__':
    with open(sys.argv[1], 'w') as f:
        write(f, int(sys.argv[2]) if len(sys.argv) > 2 else 120)
