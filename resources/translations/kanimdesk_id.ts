<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="31"/>
        <source>KanimDesk — %1</source>
        <translation>KanimDesk — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="43"/>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="44"/>
        <source>Queue</source>
        <translation>Antrean</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45"/>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="55"/>
        <source>Counter %1</source>
        <translation>Loket %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="103"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="110"/>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="114"/>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>&amp;About KanimDesk</source>
        <translation>&amp;Tentang KanimDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>About KanimDesk</source>
        <translation>Tentang KanimDesk</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>KanimDesk %1
Front desk of the immigration office.</source>
        <translation>KanimDesk %1
Meja layanan depan kantor imigrasi.</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <location filename="../../ui/printing.py" line="212"/>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/printing.py" line="221"/>
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n halaman</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="222"/>
        <source>Print…</source>
        <translation>Cetak…</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="223"/>
        <source>Save PDF…</source>
        <translation>Simpan PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="224"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="249"/>
        <source>Printing failed</source>
        <translation>Gagal mencetak</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="253"/>
        <source>Save PDF</source>
        <translation>Simpan PDF</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="253"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="262"/>
        <source>Saving failed</source>
        <translation>Gagal menyimpan</translation>
    </message>
    <message>
        <location filename="../../ui/printing.py" line="263"/>
        <source>The file could not be saved: %1</source>
        <translation>Berkas tidak dapat disimpan: %1</translation>
    </message>
</context>
<context>
    <name>QueueDisplayWindow</name>
    <message>
        <location filename="../../ui/pages/queue_display.py" line="88"/>
        <source>Queue display</source>
        <translation>Layar antrean</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_display.py" line="97"/>
        <source>Now calling</source>
        <translation>Nomor dipanggil</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_display.py" line="105"/>
        <source>Called before</source>
        <translation>Panggilan sebelumnya</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_display.py" line="225"/>
        <source>Counter %1</source>
        <translation>Loket %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_display.py" line="244"/>
        <source>+%1 more</source>
        <translation>+%1 lagi</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="104"/>
        <source>Queue &amp;display</source>
        <translation>&amp;Layar antrean</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="121"/>
        <source>Call next</source>
        <translation>Panggil berikutnya</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="124"/>
        <source>Call again</source>
        <translation>Panggil ulang</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="125"/>
        <source>Start serving</source>
        <translation>Mulai layani</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="126"/>
        <source>Finish</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="127"/>
        <location filename="../../ui/pages/queue_page.py" line="270"/>
        <source>No-show</source>
        <translation>Tidak hadir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="128"/>
        <source>Return to &amp;queue</source>
        <translation>&amp;Kembalikan ke antrean</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="130"/>
        <source>&amp;Transfer</source>
        <translation>&amp;Alihkan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="165"/>
        <source>Queue</source>
        <translation>Antrean</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="171"/>
        <source>&amp;Counter:</source>
        <translation>L&amp;oket:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="176"/>
        <source>Serves:</source>
        <translation>Melayani:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="187"/>
        <source>At this counter</source>
        <translation>Di loket ini</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="204"/>
        <source>Transfer to:</source>
        <translation>Alihkan ke layanan:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="212"/>
        <source>Actions</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="220"/>
        <source>&amp;Show:</source>
        <translation>&amp;Tampilkan:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="266"/>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="267"/>
        <source>Waiting</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="268"/>
        <source>Called / serving</source>
        <translation>Dipanggil / dilayani</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="269"/>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="365"/>
        <source>Tick at least one service this counter serves.</source>
        <translation>Centang minimal satu layanan yang dilayani loket ini.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="388"/>
        <source>Calling %1 to counter %2.</source>
        <translation>Memanggil %1 ke loket %2.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="415"/>
        <source>%1 called again.</source>
        <translation>%1 dipanggil ulang.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="416"/>
        <source>Serving %1.</source>
        <translation>Melayani %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="417"/>
        <source>%1 finished.</source>
        <translation>%1 selesai.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="418"/>
        <source>%1 marked as no-show.</source>
        <translation>%1 dicatat tidak hadir.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="419"/>
        <source>%1 is back in the queue.</source>
        <translation>%1 kembali ke antrean.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="446"/>
        <source>%1 now waits for %2; the number stays the same.</source>
        <translation>%1 kini menunggu di layanan %2; nomornya tetap.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="457"/>
        <source>No number at this counter: call the next one (F2) or double-click a ticket in the list.</source>
        <translation>Belum ada nomor di loket ini: panggil berikutnya (F2) atau klik ganda nomor di daftar.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="464"/>
        <source>Selected %1.</source>
        <translation>%1 dipilih.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="493"/>
        <source>The queue could not be read or updated (is the database reachable?). Nothing was changed; try again.</source>
        <translation>Antrean tidak dapat dibaca atau diperbarui (apakah basis data dapat dijangkau?). Tidak ada yang berubah; coba lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="505"/>
        <source>No number called yet.</source>
        <translation>Belum ada nomor yang dipanggil.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="516"/>
        <source>Priority: %1</source>
        <translation>Prioritas: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="541"/>
        <source>%1 min</source>
        <translation>%1 menit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="544"/>
        <source>Waiting: %1</source>
        <translation>Menunggu: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="545"/>
        <source>Being served: %1</source>
        <translation>Dilayani: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="546"/>
        <source>Done: %1</source>
        <translation>Selesai: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="547"/>
        <source>No-show: %1</source>
        <translation>Tidak hadir: %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/queue_page.py" line="548"/>
        <source>Average wait today: %1</source>
        <translation>Rata-rata tunggu hari ini: %1</translation>
    </message>
</context>
<context>
    <name>RegistrationFormWidget</name>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="50"/>
        <source>— choose —</source>
        <translation>— pilih —</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="51"/>
        <source>Male (L)</source>
        <translation>Laki-laki (L)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="52"/>
        <source>Female (P)</source>
        <translation>Perempuan (P)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="53"/>
        <source>Married</source>
        <translation>Sudah menikah</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="64"/>
        <source>10 years</source>
        <translation>10 tahun</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="65"/>
        <source>5 years</source>
        <translation>5 tahun</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="66"/>
        <source>Same-day service (percepatan)</source>
        <translation>Layanan percepatan (selesai hari yang sama)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="67"/>
        <source>Force majeure (no lost/damaged charge)</source>
        <translation>Keadaan kahar (tanpa denda hilang/rusak)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="72"/>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="77"/>
        <source>only for M-Paspor bookings</source>
        <translation>hanya untuk antrean M-Paspor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="108"/>
        <source>Applicant</source>
        <translation>Pemohon</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="111"/>
        <source>&amp;NIK</source>
        <translation>&amp;NIK</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="113"/>
        <source>Full &amp;name</source>
        <translation>&amp;Nama lengkap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="114"/>
        <source>Place of birth</source>
        <translation>Tempat lahir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="115"/>
        <source>&amp;Date of birth</source>
        <translation>&amp;Tanggal lahir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="123"/>
        <source>Se&amp;x</source>
        <translation>&amp;Jenis kelamin</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="124"/>
        <source>&amp;Phone</source>
        <translation>Tele&amp;pon</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="126"/>
        <source>Application</source>
        <translation>Permohonan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="129"/>
        <source>&amp;Kind</source>
        <translation>Jenis permo&amp;honan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="130"/>
        <source>P&amp;roduct</source>
        <translation>Jenis pa&amp;spor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="131"/>
        <source>&amp;Validity</source>
        <translation>&amp;Masa berlaku</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="134"/>
        <source>P&amp;urpose</source>
        <translation>T&amp;ujuan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="135"/>
        <source>Pr&amp;iority</source>
        <translation>Pr&amp;ioritas</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="136"/>
        <source>&amp;Booking code</source>
        <translation>Kode &amp;booking</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_form.py" line="138"/>
        <source>Documents checked (Space ticks)</source>
        <translation>Dokumen diperiksa (Spasi untuk mencentang)</translation>
    </message>
</context>
<context>
    <name>RegistrationPage</name>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="58"/>
        <source>Save &amp;&amp; Print  (Ctrl+Enter)</source>
        <translation>Simpan &amp;&amp; Cetak  (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="62"/>
        <source>New applicant  (Esc)</source>
        <translation>Pemohon baru  (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="71"/>
        <source>&amp;Reprint slip</source>
        <translation>&amp;Cetak ulang slip</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="73"/>
        <source>M-Paspor booking code, then Enter</source>
        <translation>Kode booking M-Paspor, lalu Enter</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="76"/>
        <source>Check &amp;in booking  (F8)</source>
        <translation>Check-&amp;in booking  (F8)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="84"/>
        <source>Registration</source>
        <translation>Pendaftaran</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="87"/>
        <source>PNBP fee</source>
        <translation>Biaya PNBP</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="98"/>
        <source>Today&apos;s tickets</source>
        <translation>Nomor antrean hari ini</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="107"/>
        <source>Booked applicant (M-Paspor)</source>
        <translation>Pemohon dengan booking (M-Paspor)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="159"/>
        <source>Bookings today: %1, checked in: %2</source>
        <translation>Booking hari ini: %1, sudah check-in: %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="175"/>
        <source>Could not complete the action: %1. Nothing was lost; try again.</source>
        <translation>Tindakan tidak dapat diselesaikan: %1. Tidak ada data yang hilang; coba lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="199"/>
        <source>New applicant: fill in the details.</source>
        <translation>Pemohon baru: lengkapi data.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="201"/>
        <source>Known applicant: details filled in, check them.</source>
        <translation>Pemohon sudah terdaftar: data terisi, periksa kembali.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="255"/>
        <source>Not saved. Correct the marked fields.</source>
        <translation>Belum disimpan. Perbaiki isian yang ditandai.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="267"/>
        <source>Ticket %1 issued.</source>
        <translation>Nomor antrean %1 diterbitkan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="268"/>
        <source>Waiting ahead: %1.</source>
        <translation>Menunggu di depan: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="269"/>
        <source>Fee %1.</source>
        <translation>Biaya %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="272"/>
        <source>Expected collection: %1.</source>
        <translation>Perkiraan penyerahan: %1.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="323"/>
        <source>Select a ticket in the list first.</source>
        <translation>Pilih dulu nomor antrean di daftar.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/registration_page.py" line="335"/>
        <source>Slip %1 reprinted.</source>
        <translation>Slip %1 dicetak ulang.</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="78"/>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="80"/>
        <source>&amp;Discard changes</source>
        <translation>&amp;Batalkan perubahan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="87"/>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="118"/>
        <source>Office profile</source>
        <translation>Profil kantor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="121"/>
        <source>Office &amp;code:</source>
        <translation>&amp;Kode kantor:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="122"/>
        <source>Office &amp;name:</source>
        <translation>&amp;Nama kantor:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="123"/>
        <source>Office c&amp;lass:</source>
        <translation>K&amp;elas kantor:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="124"/>
        <source>&amp;Address:</source>
        <translation>&amp;Alamat:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="125"/>
        <source>C&amp;ity:</source>
        <translation>K&amp;ota:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="126"/>
        <source>&amp;Head of office:</source>
        <translation>Kepala kanto&amp;r:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="127"/>
        <source>Head&apos;s NI&amp;P:</source>
        <translation>N&amp;IP kepala:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="128"/>
        <source>&amp;Regional office:</source>
        <translation>Kantor &amp;wilayah:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="129"/>
        <source>NIK regenc&amp;y code:</source>
        <translation>Kode kabupa&amp;ten NIK:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="134"/>
        <source>The office code identifies this office&apos;s numbers in the database; change it only when setting up a new office. The regency code (4 digits, e.g. 1603) marks local NIKs.</source>
        <translation>Kode kantor menandai nomor-nomor kantor ini di basis data; ubah hanya saat menyiapkan kantor baru. Kode kabupaten (4 angka, mis. 1603) menandai NIK setempat.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="138"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="140"/>
        <source>Lan&amp;guage:</source>
        <translation>Ba&amp;hasa:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="144"/>
        <source>Menus and labels change language when the program is opened again.</source>
        <translation>Bahasa menu dan label berganti setelah aplikasi dibuka ulang.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="148"/>
        <source>Slip printing</source>
        <translation>Pencetakan slip</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="150"/>
        <source>Slip prin&amp;ter:</source>
        <translation>&amp;Printer slip:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="151"/>
        <source>Paper &amp;width:</source>
        <translation>&amp;Lebar kertas:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="153"/>
        <source>Service rules</source>
        <translation>Aturan layanan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="155"/>
        <source>Passport ready after (wor&amp;king days):</source>
        <translation>Paspor siap setelah (hari ker&amp;ja):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="158"/>
        <source>Cancel &amp;uncollected after (days):</source>
        <translation>Batal jika tidak &amp;diambil setelah (hari):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="162"/>
        <source>Walk-in priority &amp;quota per day:</source>
        <translation>K&amp;uota prioritas walk-in per hari:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="166"/>
        <source>Database</source>
        <translation>Basis data</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="168"/>
        <source>In use:</source>
        <translation>Dipakai:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="170"/>
        <source>Set by db_url in the settings file, or for one start by --db URL or the KANIMDESK_DB variable (these win). A change takes effect when the program is opened again.</source>
        <translation>Diatur oleh db_url di berkas pengaturan, atau untuk satu kali jalan dengan --db URL atau variabel KANIMDESK_DB (keduanya didahulukan). Perubahan berlaku setelah aplikasi dibuka ulang.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="260"/>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="315"/>
        <source>Not saved: correct the fields marked in red.</source>
        <translation>Belum disimpan: perbaiki isian yang ditandai merah.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="322"/>
        <source>Nothing to save.</source>
        <translation>Tidak ada yang perlu disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="330"/>
        <source>The settings file could not be written (%1). Your changes are still in the form.</source>
        <translation>Berkas pengaturan tidak dapat ditulis (%1). Perubahan Anda masih ada di formulir.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="336"/>
        <source>Settings saved.</source>
        <translation>Pengaturan disimpan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="338"/>
        <source>The new language applies when the program is opened again.</source>
        <translation>Bahasa baru berlaku setelah aplikasi dibuka ulang.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/settings_page.py" line="344"/>
        <source>Changes discarded.</source>
        <translation>Perubahan dibatalkan.</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="111"/>
        <source>Number</source>
        <translation>Nomor</translation>
    </message>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="112"/>
        <source>Service</source>
        <translation>Layanan</translation>
    </message>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="113"/>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="114"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="115"/>
        <source>Taken</source>
        <translation>Diambil</translation>
    </message>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="116"/>
        <source>Counter</source>
        <translation>Loket</translation>
    </message>
    <message>
        <location filename="../../ui/models/ticket_table.py" line="117"/>
        <source>Printed</source>
        <translation>Dicetak</translation>
    </message>
</context>
</TS>
