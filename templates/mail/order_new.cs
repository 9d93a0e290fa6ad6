<?cs # To the shop. o.lines_text: mail/text.cs lines, rendered once for
      both order mails by store_mail.c (mail/order_lines.cs). ?><?cs include:"mail/text.cs" ?><?cs with:o = Page.order ?><?cs var:Lang.mail.new_intro ?> <?cs var:o.reference ?> (<?cs var:o.created ?>)
<?cs var:o.lines_text ?><?cs each:l = o.lines ?><?cs if:subcount(l.details) > 0 ?>

<?cs var:Lang.order.next.details_for ?> <?cs var:l.name ?>:<?cs call:line_details_text(l) ?><?cs /if ?><?cs /each ?>

<?cs var:Lang.checkout.label.payment ?>: <?cs var:Lang.pay[o.method].name ?>
<?cs var:Lang.order.status_label ?>: <?cs var:Lang.order.status[o.status_text] ?>

<?cs var:Lang.checkout.label.name ?>: <?cs var:o.name ?>
<?cs var:Lang.checkout.label.email ?>: <?cs var:o.email ?>
<?cs var:Lang.checkout.label.phone ?>: <?cs var:o.phone ?>
<?cs if:o.address ?><?cs var:Lang.checkout.shipping ?>:
<?cs var:o.address ?>
<?cs var:o.postal ?> <?cs var:o.city ?>
<?cs var:Lang.country[o.country] ?>
<?cs /if ?>
<?cs var:o.url ?>
<?cs /with ?>
