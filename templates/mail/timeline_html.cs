<?cs # The timeline of the shopper's HTML confirmation (partials/order.cs
      timeline), rendered alone and kept by store_mail.c under every value
      it reads (Page.order.status and Page.order.next.*: tmpl_memo).  The
      include only defines macros: its stray newlines are not printed. ?><?cs if:0 ?><?cs include:"partials/order.cs" ?><?cs /if ?><?cs with:o = Page.order ?><?cs call:timeline(o) ?><?cs /with ?>