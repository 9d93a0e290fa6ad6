#!/usr/bin/python3
"""cpu.py RUNDIR — CPU seconds used so far by a running store's processes:
every pid in RUNDIR/pids (the programs' supervisors, nginx) and their
children (workers), by command name: "cart 12.34\\nnginx 5.67\\n...",
then the kernel's part of each as "cart-sys 1.23\\n...".
The benchmark takes the difference around a run to report CPU per
request, which other load on the machine does not change much."""
import collections
import os
import sys

tick = os.sysconf("SC_CLK_TCK")
stat = {}
for name in os.listdir("/proc"):
    if name.isdigit():
        try:
            with open("/proc/%s/stat" % name) as f:
                head, rest = f.read().rsplit(")", 1)
            fields = rest.split()
            stat[int(name)] = (head.split("(", 1)[1], int(fields[1]),
                               int(fields[11]) + int(fields[12]),
                               int(fields[12]))
        except (OSError, IndexError, ValueError):
            pass
with open(os.path.join(sys.argv[1], "pids")) as f:
    roots = {int(x) for x in f.read().split()}
total = collections.Counter()
for pid, (comm, ppid, ticks, sys_ticks) in stat.items():
    if pid in roots or ppid in roots:
        total[comm] += ticks / tick
        total[comm + "-sys"] += sys_ticks / tick
for comm, secs in sorted(total.items()):
    print("%s %.3f" % (comm, secs))
