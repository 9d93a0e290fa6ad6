<?cs # The lines and totals of the order text mails (mail/text.cs lines),
      rendered once per order and language by store_mail.c for the
      shopper's confirmation and the shop's copy (Page.order.lines_text).
      The include only defines macros: its stray newlines are not
      printed. ?><?cs if:0 ?><?cs include:"mail/text.cs" ?><?cs /if ?><?cs with:o = Page.order ?><?cs call:lines(o) ?><?cs /with ?>