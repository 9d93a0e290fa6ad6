"""cgdump.py — what the callgrind drivers (drive.py, nginx_drive.py)
read from a dump file."""
import re


def dump_total(path):
    """The instructions counted in the callgrind dump at path (its
    summary or totals line; 0 when it has neither)."""
    with open(path) as fh:
        for line in fh:
            m = re.match(r"(?:summary|totals): (\d+)", line)
            if m:
                return int(m.group(1))
    return 0
