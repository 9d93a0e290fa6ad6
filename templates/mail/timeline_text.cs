<?cs # The timeline of the shopper's text confirmation (mail/text.cs
      timeline_text), rendered alone and kept by store_mail.c under every
      value it reads (Page.order.next.*: tmpl_memo).  The include only
      defines macros: its stray newlines are not printed. ?><?cs if:0 ?><?cs include:"mail/text.cs" ?><?cs /if ?><?cs with:o = Page.order ?><?cs call:timeline_text(o) ?><?cs /with ?>