/* cmd_stats.c — soukctl stats rebuild: recomputes the dashboard's daily
 * figures (order_stats.h) from the orders, in one transaction.  Run it
 * after changing the timezone setting (days are the store's). */
#include <string.h>

#include "ctl.h"
#include "order_stats.h"

int
cmd_stats(int argc, char **argv)
{
	struct db *db;
	int rc;

	if (argc != 2 || strcmp(argv[1], "rebuild") != 0)
		return ctl_usage(argv[0], "rebuild");
	if ((db = ctl_open(0)) == NULL)
		return 1;
	rc = order_stats_rebuild(db);
	db_close(db);
	if (rc < 0)
		return ctl_fail("stats", "rebuild failed; the figures are as "
		    "they were");
	ctl_printf("daily figures rebuilt from the orders\n");
	return 0;
}
