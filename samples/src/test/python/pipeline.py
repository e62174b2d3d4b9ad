# pipeline.py
#
# An example of setting up a processing pipeline with generators
#
# Adapted: the log file and the word come from the command line, and the
# run ends after max_lines lines (the seed runs forever).

import sys

def grep(pattern,lines):
    for line in lines:
        if pattern in line:
             yield line

def run(logfile, pattern, max_lines):
    from follow import follow

    # Set up a processing pipe : tail -f | grep python
    loglines = follow(logfile)
    pylines  = grep(pattern,loglines) if pattern is not None else loglines

    # Pull results out of the processing pipeline
    count = 0
    for line in pylines:
        print(line, end=' ')
        sys.stdout.flush()
        count += 1
        if count == max_lines:
            break

if __name__ == '__main__':
    run(open(sys.argv[1]), sys.argv[2], int(sys.argv[3]))
