<?cs # To the shopper's (unverified) address when staff move the order:
      nothing the shopper typed, only the shop's text, the staff's reason
      (Page.mail.reason, may be empty), the new status and the order's link. ?><?cs with:o = Page.order ?><?cs var:Lang.mail.hello ?>,

<?cs var:Lang.mail.update_intro ?> <?cs var:o.reference ?> (<?cs var:Store.name ?>):
<?cs var:Lang.order.note[Page.mail.note] ?>.
<?cs var:Lang.order.status_label ?>: <?cs var:Lang.order.status[o.status] ?>
<?cs if:Page.mail.reason ?>
<?cs var:Lang.mail.update_reason ?>
<?cs var:Page.mail.reason ?>

<?cs var:Lang.mail.update_reupload ?><?cs else ?>
<?cs var:Lang.mail.follow ?><?cs /if ?>
<?cs var:o.url ?>

<?cs var:Store.name ?>
<?cs /with ?>
