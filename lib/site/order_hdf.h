/* order_hdf.h — carts and orders into the HDF the templates read: the
 * cart page, the checkout form, the order page and the order mails.
 * Amounts are formatted in the language of the tree they go into. */
#ifndef SOUK_ORDER_HDF_H
#define SOUK_ORDER_HDF_H
#include "app.h"
#include "db_cart.h"
#include "order.h"

/* <prefix>.{count,subtotal,physical,problems} and
 * <prefix>.lines.N.{id,product,slug,name,kind,months,days,qty,max,unit,
 * total,stock,on_sale,problem} (problem: "withdrawn", "sold_out", "left"). */
void	cart_put(struct ctx *, const char *prefix, const struct cart *);
/* <prefix>.{id,reference,token,url,status,method,takes_proof,subtotal,
 * discount,total,coupon,name,email,phone,country,address,city,postal,
 * created,proofs} and <prefix>.lines.N.{name,kind,months,days,qty,unit,
 * total}, <prefix>.events.N.{status,note,at}, <prefix>.pay.rows.N (the
 * method's instructions), into tree h in language l. */
void	order_put(HDF *, struct arena *, enum lang, const char *prefix,
	    const struct order *);

#endif
