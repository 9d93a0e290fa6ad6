<?cs var:Lang.mail.shop_intro ?>

<?cs var:Lang.mail.from ?>: <?cs var:Mail.name ?> <<?cs var:Mail.email ?>>
<?cs var:Lang.mail.subject ?>: <?cs var:Mail.subject ?>
<?cs if:Mail.order ?><?cs var:Lang.mail.order ?>: <?cs var:Mail.order ?>
<?cs /if ?><?cs var:Lang.mail.lang ?>: <?cs var:Mail.lang ?>
<?cs var:Lang.mail.sent ?>: <?cs var:Mail.sent_at ?>

<?cs var:Mail.message ?>

-- 
<?cs var:Store.name ?> · <?cs var:Store.base_url ?>/
<?cs # To shop_email, in the default language, Reply-To the sender.
      A plain-text template (TMPL_TEXT): nothing is HTML-escaped, and every
      character here, newlines included, is part of the mail. ?>