#!/usr/bin/env bash
# Start the servers the tests use: a throwaway PostgreSQL cluster and cupsd with a cups-pdf queue.
# Prints the environment the tests need (source it); exits non-zero, with the reason on stderr,
# when a server does not come up.
set -euo pipefail
fail() { echo "services.sh: $*" >&2; exit 1; }

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$PGBIN" ] || fail "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin)"
PGDATA=/tmp/kanimdesk-pg
PGPORT=${KANIMDESK_PG_PORT:-54329}
if ! su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGDATA status" >/dev/null 2>&1; then
  rm -rf "$PGDATA"; mkdir -p "$PGDATA"; chown postgres "$PGDATA"
  su postgres -s /bin/sh -c "$PGBIN/initdb -D $PGDATA -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null \
    || fail "initdb failed for $PGDATA"
  if ! su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $PGDATA -o '-p $PGPORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -l $PGDATA/log -w -t 60 start" >/dev/null; then
    tail -20 "$PGDATA/log" >&2 || true
    fail "PostgreSQL did not start on port $PGPORT (log above)"
  fi
fi
"$PGBIN/pg_isready" -h 127.0.0.1 -p "$PGPORT" -t 30 >/dev/null || fail "PostgreSQL does not answer on 127.0.0.1:$PGPORT"

# CUPS with a PDF printer: jobs land as PDF files we can read back with pdftotext.
[ -x /usr/sbin/cupsd ] || fail "CUPS is not installed (/usr/sbin/cupsd)"
[ -f /etc/cups/cups-pdf.conf ] || fail "cups-pdf is not installed (/etc/cups/cups-pdf.conf)"
mkdir -p /var/spool/cups-pdf/out
chmod 0777 /var/spool/cups-pdf/out
sed -i 's|^Out .*|Out /var/spool/cups-pdf/out|; s|^#\?AnonDirName .*|AnonDirName /var/spool/cups-pdf/out|' /etc/cups/cups-pdf.conf
if ! pgrep -x cupsd >/dev/null; then
  /usr/sbin/cupsd || fail "cupsd did not start"
fi
running=""
for _ in $(seq 1 100); do
  if lpstat -r 2>/dev/null | grep -q "is running"; then running=yes; break; fi
  sleep 0.2
done
[ -n "$running" ] || fail "the CUPS scheduler is not running after 20 s"
if ! lpstat -p KanimSlipPDF >/dev/null 2>&1; then
  lpadmin -p KanimSlipPDF -E -v cups-pdf:/ -P /usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd 2>/dev/null \
    || fail "could not create the cups-pdf queue KanimSlipPDF"
fi
cupsenable KanimSlipPDF && cupsaccept KanimSlipPDF || fail "the queue KanimSlipPDF does not accept jobs"
echo "export KANIMDESK_TEST_PG=postgresql://postgres@127.0.0.1:$PGPORT/postgres"
echo "export KANIMDESK_TEST_PRINTER=KanimSlipPDF"
echo "export KANIMDESK_TEST_PRINTER_OUT=/var/spool/cups-pdf/out"
