<?cs # The HTML part of the shopper's confirmation: every value escaped
      (TMPL_BARE renders with Config.VarEscapeMode = html), no scripts, no
      remote images, styles inline (mail clients drop <style>).  To an
      address nobody has verified: nothing the shopper typed (no name,
      address or phone), as in order_confirm.cs.  o.next_html is
      partials/order.cs's timeline, rendered with escaping on by
      store_mail.c (mail/timeline_html.cs), so it is printed raw. ?>
<?cs include:"partials/order.cs" ?>
<!doctype html>
<html lang="<?cs var:Lang.code ?>">
<head><meta charset="utf-8"><title><?cs var:Lang.order.title ?> <?cs var:Page.order.reference ?></title></head>
<body style="font-family: system-ui, sans-serif; color: #1c2330; max-width: 600px; margin: 0 auto; padding: 16px;">
<?cs with:o = Page.order ?>
<p><?cs var:Lang.mail.hello ?>,</p>
<p><?cs var:Lang.mail.confirm_intro ?> <?cs var:Store.name ?>.</p>
<h1 style="font-size: 20px;"><?cs var:Lang.order.title ?> <?cs var:o.reference ?></h1>
<table style="width: 100%; border-collapse: collapse;">
<?cs each:l = o.lines ?>
<tr><td style="padding: 4px 0; border-bottom: 1px solid #e3e6eb;"><?cs var:l.name ?><?cs if:l.kind == "subscription" ?> (<?cs call:plan(l) ?>)<?cs /if ?> × <?cs var:l.qty ?></td><td style="text-align: right; border-bottom: 1px solid #e3e6eb;"><?cs var:l.total ?></td></tr>
<?cs /each ?>
<?cs if:o.has_discount == 1 ?><tr><td><?cs var:Lang.checkout.discount ?> (<?cs var:o.coupon ?>)</td><td style="text-align: right;">− <?cs var:o.discount ?></td></tr><?cs /if ?>
<?cs if:o.has_delivery == 1 ?><tr><td><?cs var:Lang.ship.delivery ?> (<?cs var:o.delivery_name ?>, <?cs call:ship_days(o.delivery_min, o.delivery_max) ?>)</td><td style="text-align: right;"><?cs if:o.delivery_free == 1 ?><?cs var:Lang.ship.free ?><?cs else ?><?cs var:o.delivery ?><?cs /if ?></td></tr><?cs /if ?>
<tr><td><strong><?cs var:Lang.checkout.total ?></strong></td><td style="text-align: right;"><strong><?cs var:o.total ?></strong></td></tr>
</table>
<?cs with:pm = Lang.pay[o.method] ?><h2 style="font-size: 17px;"><?cs var:Lang.order.pay_title ?> — <?cs var:pm.name ?></h2>
<p><?cs var:pm.howto ?></p><?cs /with ?>
<?cs call:pay_rows(o.pay.rows, 0) ?>
<?cs if:?o.pay.deadline ?><p><strong><?cs var:Lang.pay.deadline ?> <?cs var:o.pay.deadline ?></strong>. <?cs var:Lang.pay.deadline_after ?></p><?cs /if ?>
<?cs if:o.takes_proof == 1 ?><p><?cs var:Lang.mail.proof_hint ?></p><?cs /if ?>
<?cs uvar:o.next_html ?><?cs # souk:raw-ok: mail/timeline_html rendered with escaping on (tmpl_memo, store_mail.c put_timeline) ?>
<p><a href="<?cs var:o.url ?>" style="display: inline-block; background: #0f766e; color: #fff; padding: 10px 16px; border-radius: 8px; text-decoration: none;"><?cs var:Lang.mail.follow_button ?></a></p>
<p style="color: #5b6472;"><?cs var:Store.name ?> · <?cs var:Store.base_url ?></p>
<?cs /with ?>
</body>
</html>
