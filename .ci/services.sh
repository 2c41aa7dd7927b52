#!/usr/bin/env bash
# Start the servers the tests use: a throwaway PostgreSQL cluster and cupsd with a cups-pdf queue.
# Prints the environment the tests need (eval it).
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=/tmp/kanimdesk-pg
PGPORT=${KANIMDESK_PG_PORT:-54329}
if ! su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGDATA status" >/dev/null 2>&1; then
  rm -rf "$PGDATA"; mkdir -p "$PGDATA"; chown postgres "$PGDATA"
  su postgres -s /bin/sh -c "$PGBIN/initdb -D $PGDATA -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGDATA -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -l $PGDATA/log -w start" >/dev/null
fi
# CUPS with a PDF printer: jobs land as PDF files we can read back with pdftotext.
mkdir -p /var/spool/cups-pdf/out
chmod 0777 /var/spool/cups-pdf/out
sed -i 's|^Out .*|Out /var/spool/cups-pdf/out|; s|^#\?AnonDirName .*|AnonDirName /var/spool/cups-pdf/out|' /etc/cups/cups-pdf.conf
if ! pgrep -x cupsd >/dev/null; then
  /usr/sbin/cupsd
fi
for _ in $(seq 1 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.2; done
if ! lpstat -p KanimSlipPDF >/dev/null 2>&1; then
  lpadmin -p KanimSlipPDF -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd
fi
cupsenable KanimSlipPDF; cupsaccept KanimSlipPDF
echo "export KANIMDESK_TEST_PG=postgresql://postgres@127.0.0.1:$PGPORT/postgres"
echo "export KANIMDESK_TEST_PRINTER=KanimSlipPDF"
echo "export KANIMDESK_TEST_PRINTER_OUT=/var/spool/cups-pdf/out"
