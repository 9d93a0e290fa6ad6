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
 * total}, <prefix>.events.N.{status,status_text,note,at},
 * <prefix>.pay.rows.N.{label,value,holder,copy} (the method's
 * instructions; label: the key's Lang.pay.label text or the row's name), <prefix>.pay.deadline (the pay-by time, when the method's
 * orders expire), <prefix>.status_text (the Lang.order.status key to show:
 * pay_status_text), and with a delivery <prefix>.{has_delivery,delivery,
 * delivery_free,delivery_name,delivery_min,delivery_max}, into tree h in
 * language l. */
void	order_put(HDF *, struct arena *, enum lang, const char *prefix,
	    const struct order *);

#endif
