<?cs with:o = Page.order ?><?cs var:Lang.mail.proof_intro ?> <?cs var:o.reference ?>.

<?cs var:Lang.order.amount ?>: <?cs var:o.total ?>
<?cs var:Lang.checkout.label.payment ?>: <?cs var:Lang.pay[o.method].name ?>
<?cs var:Lang.checkout.label.name ?>: <?cs var:o.name ?> <<?cs var:o.email ?>>

<?cs var:Lang.mail.proof_check ?>
<?cs var:Store.base_url ?>/admin/order/<?cs var:o.id ?>
<?cs /with ?>
