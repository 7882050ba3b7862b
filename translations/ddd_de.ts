<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AddressOpener</name>
    <message>
        <source>No web browser could be started for %1. Copy the address and open it in a browser yourself.</source>
        <translation>Für %1 konnte kein Webbrowser gestartet werden. Kopieren Sie die Adresse und öffnen Sie sie selbst in einem Browser.</translation>
    </message>
    <message>
        <source>&amp;Copy Address</source>
        <translation>Adresse &amp;kopieren</translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation>%1 in die Zwischenablage kopiert.</translation>
    </message>
</context>
<context>
    <name>BuildSettingsRefusal</name>
    <message>
        <source>The agent does not know this generator.</source>
        <translation>Diesen Generator kennt der Agent nicht.</translation>
    </message>
    <message>
        <source>This must not be empty.</source>
        <translation>Das darf nicht leer sein.</translation>
    </message>
    <message>
        <source>This npm script may not run on this agent (see its builds.npm_scripts).</source>
        <translation>Dieses npm-Skript darf auf diesem Agenten nicht laufen (siehe seine builds.npm_scripts).</translation>
    </message>
    <message>
        <source>Use a folder inside the project, without &quot;..&quot;, a leading &quot;/&quot; or backslashes.</source>
        <translation>Verwenden Sie einen Ordner innerhalb des Projekts, ohne „..“, führendes „/“ oder Backslashes.</translation>
    </message>
    <message>
        <source>Write the folder without &quot;./&quot; and without doubled or trailing slashes.</source>
        <translation>Schreiben Sie den Ordner ohne „./“ und ohne doppelte oder abschließende Schrägstriche.</translation>
    </message>
    <message>
        <source>This contains a control character.</source>
        <translation>Das enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>There are more build flags than the agent allows.</source>
        <translation>Das sind mehr Build-Flags, als der Agent erlaubt.</translation>
    </message>
    <message>
        <source>This is longer than the agent allows.</source>
        <translation>Das ist länger, als der Agent erlaubt.</translation>
    </message>
    <message>
        <source>Every build flag starts with &quot;-&quot;.</source>
        <translation>Jedes Build-Flag beginnt mit „-“.</translation>
    </message>
    <message>
        <source>A build flag is listed twice.</source>
        <translation>Ein Build-Flag steht doppelt in der Liste.</translation>
    </message>
</context>
<context>
    <name>CertificateText</name>
    <message>
        <source>Requesting a certificate for %1…</source>
        <translation>Zertifikat für %1 wird angefordert…</translation>
    </message>
    <message>
        <source>Certificate valid until %1 (%2); renewed automatically</source>
        <translation>Zertifikat gültig bis %1 (%2); wird automatisch erneuert</translation>
    </message>
    <message>
        <source>Renewal failed (%1); retrying %2. The current certificate stays valid until %3.</source>
        <translation>Erneuerung fehlgeschlagen (%1); neuer Versuch %2. Das aktuelle Zertifikat bleibt bis %3 gültig.</translation>
    </message>
    <message>
        <source>No certificate yet: the request failed (%1); retrying %2.</source>
        <translation>Noch kein Zertifikat: die Anforderung ist fehlgeschlagen (%1); neuer Versuch %2.</translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>v%1</source>
        <translation>v%1</translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation>Wird hochgeladen</translation>
    </message>
    <message>
        <source>Processing</source>
        <translation>Wird verarbeitet</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Abgelöst</translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n Sekunde</numerusform>
            <numerusform>%n Sekunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n Minute</numerusform>
            <numerusform>%n Minuten</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message>
        <source>Plain site</source>
        <translation>Fertige Website</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The agent at %1 could not be reached: %2.</source>
        <translation>Der Agent unter %1 ist nicht erreichbar: %2.</translation>
    </message>
    <message>
        <source>Check that the agent is running and the address is right, then try again.</source>
        <translation>Prüfen Sie, ob der Agent läuft und die Adresse stimmt, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The agent&apos;s TLS certificate is not trusted. Its SHA-256 fingerprint is %1.</source>
        <translation>Dem TLS-Zertifikat des Agenten wird nicht vertraut. Sein SHA-256-Fingerabdruck lautet %1.</translation>
    </message>
    <message>
        <source>Compare this fingerprint with the agent&apos;s certificate. Trust it only if they match.</source>
        <translation>Vergleichen Sie diesen Fingerabdruck mit dem Zertifikat des Agenten. Vertrauen Sie ihm nur, wenn beide übereinstimmen.</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Der Vorgang wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1 but no DragDropDeploy error.</source>
        <translation>Der Server antwortete mit HTTP-Status %1, aber ohne DragDropDeploy-Fehlermeldung.</translation>
    </message>
    <message>
        <source>Check the address: it may point at another web server or a proxy.</source>
        <translation>Prüfen Sie die Adresse: Sie zeigt vielleicht auf einen anderen Webserver oder einen Proxy.</translation>
    </message>
    <message>
        <source>The agent sent an answer this dashboard does not understand.</source>
        <translation>Der Agent hat eine Antwort geschickt, die dieses Dashboard nicht versteht.</translation>
    </message>
    <message>
        <source>Use a dashboard and an agent of the same release.</source>
        <translation>Verwenden Sie Dashboard und Agent aus demselben Release.</translation>
    </message>
    <message>
        <source>The agent sent an answer this dashboard does not understand (field %1).</source>
        <translation>Der Agent hat eine Antwort geschickt, die dieses Dashboard nicht versteht (Feld %1).</translation>
    </message>
    <message>
        <source>A file could not be read: %1.</source>
        <translation>Eine Datei konnte nicht gelesen werden: %1.</translation>
    </message>
    <message>
        <source>Check that the file still exists and that you may read it.</source>
        <translation>Prüfen Sie, ob die Datei noch existiert und Sie sie lesen dürfen.</translation>
    </message>
    <message>
        <source>The token could not be stored: %1.</source>
        <translation>Das Token konnte nicht gespeichert werden: %1.</translation>
    </message>
    <message>
        <source>Check that your home folder is writable, then connect again.</source>
        <translation>Prüfen Sie, ob Ihr Home-Ordner beschreibbar ist, und verbinden Sie sich dann erneut.</translation>
    </message>
    <message>
        <source>The system keychain refused access: %1.</source>
        <translation>Der Schlüsselbund des Systems hat den Zugriff verweigert: %1.</translation>
    </message>
    <message>
        <source>Unlock the keychain or allow DragDropDeploy to use it, then connect again.</source>
        <translation>Entsperren Sie den Schlüsselbund oder erlauben Sie DragDropDeploy den Zugriff, und verbinden Sie sich dann erneut.</translation>
    </message>
    <message>
        <source>The email address or the password is wrong.</source>
        <translation>Die E-Mail-Adresse oder das Passwort ist falsch.</translation>
    </message>
    <message>
        <source>Check both and try again.</source>
        <translation>Prüfen Sie beides und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>You are not signed in to this agent.</source>
        <translation>Sie sind bei diesem Agenten nicht angemeldet.</translation>
    </message>
    <message>
        <source>Log in again.</source>
        <translation>Melden Sie sich erneut an.</translation>
    </message>
    <message>
        <source>Your session on this agent has ended or the token was revoked.</source>
        <translation>Ihre Sitzung bei diesem Agenten ist abgelaufen oder das Token wurde widerrufen.</translation>
    </message>
    <message>
        <source>Log in again or paste a new API token.</source>
        <translation>Melden Sie sich erneut an oder fügen Sie ein neues API-Token ein.</translation>
    </message>
    <message>
        <source>Your account or token may not do this.</source>
        <translation>Ihr Konto oder Token darf das nicht.</translation>
    </message>
    <message>
        <source>Ask an operator, or use a token with the needed capability.</source>
        <translation>Fragen Sie einen Betreiber oder verwenden Sie ein Token mit der nötigen Berechtigung.</translation>
    </message>
    <message>
        <source>Too many failed logins from here.</source>
        <translation>Zu viele fehlgeschlagene Anmeldungen von hier.</translation>
    </message>
    <message>
        <source>Wait %1 seconds, then try again.</source>
        <translation>Warten Sie %1 Sekunden und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>The agent is busy checking other passwords.</source>
        <translation>Der Agent ist gerade mit der Prüfung anderer Passwörter beschäftigt.</translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation>Versuchen Sie es gleich noch einmal.</translation>
    </message>
    <message>
        <source>This agent does not accept new accounts.</source>
        <translation>Dieser Agent nimmt keine neuen Konten an.</translation>
    </message>
    <message>
        <source>Ask the operator to create an account for you.</source>
        <translation>Bitten Sie den Betreiber, ein Konto für Sie anzulegen.</translation>
    </message>
    <message>
        <source>This project no longer exists, or you may not see it.</source>
        <translation>Dieses Projekt gibt es nicht mehr, oder Sie dürfen es nicht sehen.</translation>
    </message>
    <message>
        <source>Refresh the project list.</source>
        <translation>Aktualisieren Sie die Projektliste.</translation>
    </message>
    <message>
        <source>The project name is not valid.</source>
        <translation>Der Projektname ist ungültig.</translation>
    </message>
    <message>
        <source>Use 1 to 100 characters without control characters.</source>
        <translation>Verwenden Sie 1 bis 100 Zeichen ohne Steuerzeichen.</translation>
    </message>
    <message>
        <source>The domain is not a valid host name.</source>
        <translation>Die Domain ist kein gültiger Hostname.</translation>
    </message>
    <message>
        <source>Use a name like www.example.com: letters, digits and hyphens, at least two labels.</source>
        <translation>Verwenden Sie einen Namen wie www.example.com: Buchstaben, Ziffern und Bindestriche, mindestens zwei Teile.</translation>
    </message>
    <message>
        <source>Another project on this agent already uses this domain.</source>
        <translation>Ein anderes Projekt auf diesem Agenten verwendet diese Domain bereits.</translation>
    </message>
    <message>
        <source>Choose another domain, or remove it from the other project first.</source>
        <translation>Wählen Sie eine andere Domain oder entfernen Sie sie zuerst aus dem anderen Projekt.</translation>
    </message>
    <message>
        <source>The setting %1 was refused: %2.</source>
        <translation>Die Einstellung %1 wurde abgelehnt: %2.</translation>
    </message>
    <message>
        <source>Correct the setting and save again.</source>
        <translation>Korrigieren Sie die Einstellung und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>These build flags are not allowed on this agent: %1.</source>
        <translation>Diese Build-Flags sind auf diesem Agenten nicht erlaubt: %1.</translation>
    </message>
    <message>
        <source>Remove them, or ask the operator to add them to builds.flags_allowlist.</source>
        <translation>Entfernen Sie sie oder bitten Sie den Betreiber, sie in builds.flags_allowlist aufzunehmen.</translation>
    </message>
    <message>
        <source>This version no longer exists.</source>
        <translation>Diese Version gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Refresh the version list.</source>
        <translation>Aktualisieren Sie die Versionsliste.</translation>
    </message>
    <message>
        <source>This version cannot go live: only ready and retired versions can.</source>
        <translation>Diese Version kann nicht live gehen: Das können nur bereite und abgelöste Versionen.</translation>
    </message>
    <message>
        <source>Choose a ready version, or deploy the site again.</source>
        <translation>Wählen Sie eine bereite Version oder stellen Sie die Website erneut bereit.</translation>
    </message>
    <message>
        <source>The live version cannot be deleted.</source>
        <translation>Die Live-Version kann nicht gelöscht werden.</translation>
    </message>
    <message>
        <source>Make another version live first.</source>
        <translation>Schalten Sie zuerst eine andere Version live.</translation>
    </message>
    <message>
        <source>The upload session has expired or the agent has restarted.</source>
        <translation>Die Upload-Sitzung ist abgelaufen oder der Agent wurde neu gestartet.</translation>
    </message>
    <message>
        <source>Deploy again: files the agent already holds are not sent twice.</source>
        <translation>Stellen Sie erneut bereit: Dateien, die der Agent schon hat, werden nicht noch einmal gesendet.</translation>
    </message>
    <message>
        <source>The agent and the dashboard disagree about how much of a file arrived.</source>
        <translation>Agent und Dashboard sind sich uneins, wie viel von einer Datei angekommen ist.</translation>
    </message>
    <message>
        <source>Retry: the dashboard asks the agent where to resume.</source>
        <translation>Versuchen Sie es erneut: Das Dashboard fragt den Agenten, wo es weitergeht.</translation>
    </message>
    <message>
        <source>Some files have not reached the agent yet.</source>
        <translation>Einige Dateien sind noch nicht beim Agenten angekommen.</translation>
    </message>
    <message>
        <source>Resume the upload.</source>
        <translation>Setzen Sie den Upload fort.</translation>
    </message>
    <message>
        <source>A file changed while it was being uploaded.</source>
        <translation>Eine Datei hat sich während des Hochladens geändert.</translation>
    </message>
    <message>
        <source>Wait until the files stop changing, then drop the folder again.</source>
        <translation>Warten Sie, bis sich die Dateien nicht mehr ändern, und ziehen Sie den Ordner dann erneut hierher.</translation>
    </message>
    <message>
        <source>The entry %1 would land outside the site.</source>
        <translation>Der Eintrag %1 würde außerhalb der Website landen.</translation>
    </message>
    <message>
        <source>Rebuild the archive without paths that use &quot;..&quot; or start with &quot;/&quot;.</source>
        <translation>Erstellen Sie das Archiv ohne Pfade, die „..“ enthalten oder mit „/“ beginnen.</translation>
    </message>
    <message>
        <source>The name %1 is not allowed on a web site.</source>
        <translation>Der Name %1 ist auf einer Website nicht erlaubt.</translation>
    </message>
    <message>
        <source>Rename the file: no control characters, backslashes or reserved names.</source>
        <translation>Benennen Sie die Datei um: keine Steuerzeichen, Backslashes oder reservierten Namen.</translation>
    </message>
    <message>
        <source>%1 is a link; sites may only contain plain files.</source>
        <translation>%1 ist ein Link; Websites dürfen nur normale Dateien enthalten.</translation>
    </message>
    <message>
        <source>%1 is a device, pipe or socket, not a plain file.</source>
        <translation>%1 ist ein Gerät, eine Pipe oder ein Socket, keine normale Datei.</translation>
    </message>
    <message>
        <source>Remove it from the site folder.</source>
        <translation>Entfernen Sie es aus dem Website-Ordner.</translation>
    </message>
    <message>
        <source>The archive contains %1 twice.</source>
        <translation>Das Archiv enthält %1 zweimal.</translation>
    </message>
    <message>
        <source>Rebuild the archive so that every path appears once.</source>
        <translation>Erstellen Sie das Archiv so, dass jeder Pfad nur einmal vorkommt.</translation>
    </message>
    <message>
        <source>Rename one of them: many systems cannot tell them apart.</source>
        <translation>Benennen Sie einen davon um: Viele Systeme können sie nicht unterscheiden.</translation>
    </message>
    <message>
        <source>The path %1 is too long or nested too deeply.</source>
        <translation>Der Pfad %1 ist zu lang oder zu tief verschachtelt.</translation>
    </message>
    <message>
        <source>Shorten the folder and file names, or flatten the folders.</source>
        <translation>Kürzen Sie Ordner- und Dateinamen oder verringern Sie die Verschachtelung.</translation>
    </message>
    <message>
        <source>The archive is damaged or incomplete.</source>
        <translation>Das Archiv ist beschädigt oder unvollständig.</translation>
    </message>
    <message>
        <source>Create the archive again and retry.</source>
        <translation>Erstellen Sie das Archiv neu und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>The archive is compressed more than once.</source>
        <translation>Das Archiv ist mehrfach komprimiert.</translation>
    </message>
    <message>
        <source>Use a plain .zip, .tar or .tar.gz file.</source>
        <translation>Verwenden Sie eine einfache .zip-, .tar- oder .tar.gz-Datei.</translation>
    </message>
    <message>
        <source>There are no files to deploy.</source>
        <translation>Es gibt keine Dateien zum Bereitstellen.</translation>
    </message>
    <message>
        <source>Drop the folder that contains your site&apos;s index.html.</source>
        <translation>Ziehen Sie den Ordner hierher, der die index.html Ihrer Website enthält.</translation>
    </message>
    <message>
        <source>The site is larger than this agent accepts.</source>
        <translation>Die Website ist größer, als dieser Agent annimmt.</translation>
    </message>
    <message>
        <source>Remove large files, or ask the operator to raise the upload limits.</source>
        <translation>Entfernen Sie große Dateien oder bitten Sie den Betreiber, die Upload-Grenzen anzuheben.</translation>
    </message>
    <message>
        <source>The upload is larger than this agent accepts.</source>
        <translation>Der Upload ist größer, als dieser Agent annimmt.</translation>
    </message>
    <message>
        <source>Remove large files, or ask the operator to raise uploads.max_bytes.</source>
        <translation>Entfernen Sie große Dateien oder bitten Sie den Betreiber, uploads.max_bytes anzuheben.</translation>
    </message>
    <message>
        <source>The agent cannot read this kind of archive.</source>
        <translation>Der Agent kann diese Art von Archiv nicht lesen.</translation>
    </message>
    <message>
        <source>Use a .zip, .tar or .tar.gz file, or drop the folder itself.</source>
        <translation>Verwenden Sie eine .zip-, .tar- oder .tar.gz-Datei, oder ziehen Sie den Ordner selbst hierher.</translation>
    </message>
    <message>
        <source>The agent failed while doing this.</source>
        <translation>Dabei ist im Agenten ein Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>Try again. If it keeps failing, the agent&apos;s log names the cause.</source>
        <translation>Versuchen Sie es erneut. Schlägt es weiter fehl, nennt das Protokoll des Agenten die Ursache.</translation>
    </message>
    <message>
        <source>The agent could not read or write its database.</source>
        <translation>Der Agent konnte seine Datenbank nicht lesen oder schreiben.</translation>
    </message>
    <message>
        <source>Tell the operator: the agent&apos;s disk may be full or damaged.</source>
        <translation>Informieren Sie den Betreiber: Der Datenträger des Agenten ist vielleicht voll oder beschädigt.</translation>
    </message>
    <message>
        <source>There is no index.html at the top of the site, so its address answers &quot;not found&quot;.</source>
        <translation>Auf der obersten Ebene der Website gibt es keine index.html, daher antwortet ihre Adresse mit „nicht gefunden“.</translation>
    </message>
    <message>
        <source>Drop the folder that contains index.html, not the one above it.</source>
        <translation>Ziehen Sie den Ordner hierher, der die index.html enthält, nicht den darüber.</translation>
    </message>
    <message>
        <source>%1 is large; every deploy and every visitor on a slow connection waits for it.</source>
        <translation>%1 ist groß; jede Bereitstellung und jeder Besucher mit langsamer Verbindung wartet darauf.</translation>
    </message>
    <message>
        <source>Compress or shrink it if you can; the deploy works either way.</source>
        <translation>Komprimieren oder verkleinern Sie sie, wenn möglich; die Bereitstellung funktioniert auch so.</translation>
    </message>
    <message>
        <source>The agent was sent a file that is not part of this upload.</source>
        <translation>Der Agent hat eine Datei erhalten, die nicht zu diesem Upload gehört.</translation>
    </message>
    <message>
        <source>Deploy again; if it keeps happening, use a dashboard and an agent of the same release.</source>
        <translation>Stellen Sie erneut bereit; passiert es wieder, verwenden Sie Dashboard und Agent aus demselben Release.</translation>
    </message>
    <message>
        <source>The domain aliases were refused: %1.</source>
        <translation>Die Domain-Aliasse wurden abgelehnt: %1.</translation>
    </message>
    <message>
        <source>Correct the list of aliases and save again.</source>
        <translation>Korrigieren Sie die Liste der Aliasse und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>A share link must work for at least a minute and at most 30 days.</source>
        <translation>Ein Freigabelink muss mindestens eine Minute und höchstens 30 Tage gelten.</translation>
    </message>
    <message>
        <source>Choose another lifetime and create the link again.</source>
        <translation>Wählen Sie eine andere Gültigkeitsdauer und erstellen Sie den Link erneut.</translation>
    </message>
    <message>
        <source>an alias</source>
        <translation>ein Alias</translation>
    </message>
    <message>
        <source>aliases need a domain to redirect to, so set the domain first</source>
        <translation>Aliasse brauchen eine Domain, zu der sie weiterleiten; legen Sie zuerst die Domain fest</translation>
    </message>
    <message>
        <source>there are more aliases than the agent allows</source>
        <translation>es sind mehr Aliasse, als der Agent erlaubt</translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation>%1 steht doppelt in der Liste</translation>
    </message>
    <message>
        <source>%1 is the domain itself</source>
        <translation>%1 ist die Domain selbst</translation>
    </message>
    <message>
        <source>%1 lies under the agent&apos;s staging domain</source>
        <translation>%1 liegt unter der Staging-Domain des Agenten</translation>
    </message>
    <message>
        <source>%1 is not a valid host name</source>
        <translation>%1 ist kein gültiger Hostname</translation>
    </message>
    <message>
        <source>This build no longer exists.</source>
        <translation>Diesen Build gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Refresh the list of builds.</source>
        <translation>Laden Sie die Liste der Builds neu.</translation>
    </message>
    <message>
        <source>The source of this build is no longer kept by the agent.</source>
        <translation>Der Agent bewahrt den Quelltext dieses Builds nicht mehr auf.</translation>
    </message>
    <message>
        <source>Drop the source folder again and choose Build &amp; Deploy.</source>
        <translation>Ziehen Sie den Quellordner erneut hierher und wählen Sie „Bauen und bereitstellen“.</translation>
    </message>
    <message>
        <source>This build hook no longer exists.</source>
        <translation>Diesen Build-Hook gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Refresh the list of build hooks.</source>
        <translation>Laden Sie die Liste der Build-Hooks neu.</translation>
    </message>
    <message>
        <source>The agent cannot tell how to build this source.</source>
        <translation>Der Agent erkennt nicht, wie dieser Quelltext gebaut wird.</translation>
    </message>
    <message>
        <source>Choose the generator in the project&apos;s settings, or drop the built site instead.</source>
        <translation>Wählen Sie den Generator in den Projekteinstellungen, oder ziehen Sie stattdessen die fertige Website hierher.</translation>
    </message>
    <message>
        <source>The project&apos;s build settings are not valid.</source>
        <translation>Die Build-Einstellungen des Projekts sind ungültig.</translation>
    </message>
    <message>
        <source>Check the generator, npm script and output folder in the project&apos;s settings.</source>
        <translation>Prüfen Sie Generator, npm-Skript und Ausgabeordner in den Projekteinstellungen.</translation>
    </message>
    <message>
        <source>A build flag of this project is not allowed on this agent.</source>
        <translation>Ein Build-Flag dieses Projekts ist auf diesem Agent nicht erlaubt.</translation>
    </message>
    <message>
        <source>Remove the flag from the project&apos;s settings, or ask the operator to allow it.</source>
        <translation>Entfernen Sie das Flag aus den Projekteinstellungen, oder bitten Sie den Betreiber, es zu erlauben.</translation>
    </message>
    <message>
        <source>This npm script may not run on this agent.</source>
        <translation>Dieses npm-Skript darf auf diesem Agent nicht laufen.</translation>
    </message>
    <message>
        <source>Use an allowed script such as build, or ask the operator to allow it.</source>
        <translation>Verwenden Sie ein erlaubtes Skript wie build, oder bitten Sie den Betreiber, es zu erlauben.</translation>
    </message>
    <message>
        <source>This build has already finished.</source>
        <translation>Dieser Build ist bereits beendet.</translation>
    </message>
    <message>
        <source>Refresh the list of builds to see how it ended.</source>
        <translation>Laden Sie die Liste der Builds neu, um zu sehen, wie er endete.</translation>
    </message>
    <message>
        <source>The agent cannot set up its build sandbox, so it builds nothing.</source>
        <translation>Der Agent kann seine Build-Sandbox nicht einrichten und baut deshalb nichts.</translation>
    </message>
    <message>
        <source>Ask the operator to check the agent&apos;s log; meanwhile drop the built site instead.</source>
        <translation>Bitten Sie den Betreiber, das Protokoll des Agents zu prüfen; ziehen Sie bis dahin die fertige Website hierher.</translation>
    </message>
    <message>
        <source>The agent has too many builds waiting.</source>
        <translation>Beim Agent warten zu viele Builds.</translation>
    </message>
    <message>
        <source>Try again when some have finished.</source>
        <translation>Versuchen Sie es erneut, wenn einige fertig sind.</translation>
    </message>
    <message>
        <source>This build hook was called too often.</source>
        <translation>Dieser Build-Hook wurde zu oft aufgerufen.</translation>
    </message>
    <message>
        <source>The agent cannot clone from this Git address: %1.</source>
        <translation>Von dieser Git-Adresse kann der Agent nicht klonen: %1.</translation>
    </message>
    <message>
        <source>Use an https, http or git address without a user name or password, then save again.</source>
        <translation>Verwenden Sie eine https-, http- oder git-Adresse ohne Benutzernamen und Passwort und speichern Sie erneut.</translation>
    </message>
    <message>
        <source>This project has no Git repository to build from.</source>
        <translation>Dieses Projekt hat kein Git-Repository, aus dem gebaut werden könnte.</translation>
    </message>
    <message>
        <source>Enter the repository under Settings, Build, save, then choose Build from Git again.</source>
        <translation>Tragen Sie das Repository unter „Einstellungen“, „Build“ ein, speichern Sie und wählen Sie dann erneut „Aus Git bauen“.</translation>
    </message>
    <message>
        <source>The Git branch name is not one the agent accepts.</source>
        <translation>Diesen Git-Branch-Namen akzeptiert der Agent nicht.</translation>
    </message>
    <message>
        <source>Use letters, digits, &quot;.&quot;, &quot;_&quot;, &quot;-&quot; and &quot;/&quot;, not starting with &quot;-&quot;.</source>
        <translation>Verwenden Sie Buchstaben, Ziffern, „.“, „_“, „-“ und „/“, nicht mit „-“ am Anfang.</translation>
    </message>
    <message>
        <source>Builds from Git are turned off on this agent.</source>
        <translation>Builds aus Git sind auf diesem Agenten ausgeschaltet.</translation>
    </message>
    <message>
        <source>Ask the operator to turn them on (builds.git), or drop the source folder instead.</source>
        <translation>Bitten Sie den Betreiber, sie einzuschalten (builds.git), oder ziehen Sie stattdessen den Quellordner hierher.</translation>
    </message>
    <message>
        <source>The agent could not continue the list where it left off.</source>
        <translation>Der Agent konnte die Liste nicht dort fortsetzen, wo sie aufgehört hat.</translation>
    </message>
    <message>
        <source>Refresh the list.</source>
        <translation>Aktualisieren Sie die Liste.</translation>
    </message>
    <message>
        <source>Remove the link from the site folder. If it stands for a page or asset of your site, put that file itself there.</source>
        <translation>Entfernen Sie den Link aus dem Website-Ordner. Steht er für eine Seite oder Datei Ihrer Website, legen Sie diese Datei selbst dort ab.</translation>
    </message>
    <message>
        <source>%1 and %2 differ only in letter case.</source>
        <translation>%1 und %2 unterscheiden sich nur in der Groß- und Kleinschreibung.</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>Agent&apos;s words: %1</source>
        <translation>Wortlaut des Agenten: %1</translation>
    </message>
    <message>
        <source>The agent refused this: %1</source>
        <translation>Der Agent hat dies abgelehnt: %1</translation>
    </message>
    <message>
        <source>This is not a receiver address the agent can send to.</source>
        <translation>An diese Empfängeradresse kann der Agent nicht senden.</translation>
    </message>
    <message>
        <source>Enter a full http:// or https:// address without a user name, password or #fragment.</source>
        <translation>Geben Sie eine vollständige http://- oder https://-Adresse ohne Benutzernamen, Passwort oder #Fragment ein.</translation>
    </message>
    <message>
        <source>This address is on a private or local network, which webhooks may not reach.</source>
        <translation>Diese Adresse liegt in einem privaten oder lokalen Netz, das Webhooks nicht erreichen dürfen.</translation>
    </message>
    <message>
        <source>Use a public address, or ask the operator to allow private targets.</source>
        <translation>Verwenden Sie eine öffentliche Adresse oder bitten Sie den Betreiber, private Ziele zu erlauben.</translation>
    </message>
    <message>
        <source>The receiver&apos;s host name does not exist.</source>
        <translation>Den Hostnamen des Empfängers gibt es nicht.</translation>
    </message>
    <message>
        <source>Check the spelling of the address.</source>
        <translation>Prüfen Sie die Schreibweise der Adresse.</translation>
    </message>
    <message>
        <source>The agent does not know one of the chosen events.</source>
        <translation>Eines der gewählten Ereignisse kennt der Agent nicht.</translation>
    </message>
    <message>
        <source>Choose from the events the dialog lists.</source>
        <translation>Wählen Sie unter den Ereignissen, die der Dialog anbietet.</translation>
    </message>
    <message>
        <source>A webhook needs at least one event.</source>
        <translation>Ein Webhook braucht mindestens ein Ereignis.</translation>
    </message>
    <message>
        <source>Tick the events the receiver should hear about.</source>
        <translation>Kreuzen Sie die Ereignisse an, von denen der Empfänger erfahren soll.</translation>
    </message>
    <message>
        <source>This project has as many webhooks as it may have.</source>
        <translation>Dieses Projekt hat schon so viele Webhooks, wie es haben darf.</translation>
    </message>
    <message>
        <source>Delete a webhook you no longer need, then add the new one.</source>
        <translation>Löschen Sie einen Webhook, den Sie nicht mehr brauchen, und fügen Sie dann den neuen hinzu.</translation>
    </message>
    <message>
        <source>This webhook is disabled.</source>
        <translation>Dieser Webhook ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>Enable it first.</source>
        <translation>Schalten Sie ihn zuerst ein.</translation>
    </message>
    <message>
        <source>This webhook no longer exists.</source>
        <translation>Diesen Webhook gibt es nicht mehr.</translation>
    </message>
    <message>
        <source>Refresh the list of webhooks.</source>
        <translation>Aktualisieren Sie die Liste der Webhooks.</translation>
    </message>
    <message>
        <source>This delivery is no longer in the log.</source>
        <translation>Diese Zustellung steht nicht mehr im Protokoll.</translation>
    </message>
    <message>
        <source>Refresh the delivery log.</source>
        <translation>Aktualisieren Sie das Zustellprotokoll.</translation>
    </message>
    <message>
        <source>The agent does not serve sites over HTTPS yet, so HTTPS settings cannot be turned on.</source>
        <translation>Der Agent liefert Websites noch nicht über HTTPS aus, daher lassen sich die HTTPS-Einstellungen nicht einschalten.</translation>
    </message>
    <message>
        <source>Ask the operator to give the agent a certificate for the domain, then try again.</source>
        <translation>Bitten Sie den Betreiber, dem Agenten ein Zertifikat für die Domain zu geben, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <source>HSTS preload needs &quot;every subdomain&quot; and at least a year.</source>
        <translation>HSTS-Preload braucht „alle Subdomains“ und mindestens ein Jahr.</translation>
    </message>
    <message>
        <source>Turn on every subdomain and remember it for 365 days or more, or leave preload off.</source>
        <translation>Schalten Sie „alle Subdomains“ ein und merken Sie es 365 Tage oder länger, oder lassen Sie Preload aus.</translation>
    </message>
    <message>
        <source>The agent could not reach its shared storage bucket, so nothing was deployed.</source>
        <translation>Der Agent hat seinen gemeinsamen Speicher-Bucket nicht erreicht, daher wurde nichts veröffentlicht.</translation>
    </message>
    <message>
        <source>The site still serves the version it had. Try again in a few minutes; if it keeps failing, tell the operator.</source>
        <translation>Die Website liefert weiter ihre bisherige Version aus. Versuchen Sie es in einigen Minuten noch einmal; schlägt es weiter fehl, wenden Sie sich an den Betreiber.</translation>
    </message>
    <message>
        <source>The shared storage bucket refused the agent (%1), so nothing was deployed.</source>
        <translation>Der gemeinsame Speicher-Bucket hat den Agenten abgewiesen (%1), daher wurde nichts veröffentlicht.</translation>
    </message>
    <message>
        <source>Tell the operator to check the agent&apos;s bucket, keys and permissions.</source>
        <translation>Bitten Sie den Betreiber, Bucket, Schlüssel und Berechtigungen des Agenten zu prüfen.</translation>
    </message>
</context>
<context>
    <name>SiteInspector</name>
    <message numerus="yes">
        <source>%n file(s) whose name starts with a dot (such as %1) will be uploaded but never served. Remove secrets like .env or .git from the folder.</source>
        <translation>
            <numerusform>%n Datei, deren Name mit einem Punkt beginnt (%1), wird hochgeladen, aber nie ausgeliefert. Entfernen Sie Geheimnisse wie .env oder .git aus dem Ordner.</numerusform>
            <numerusform>%n Dateien, deren Name mit einem Punkt beginnt (etwa %1), werden hochgeladen, aber nie ausgeliefert. Entfernen Sie Geheimnisse wie .env oder .git aus dem Ordner.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out: %n item(s) stay on this computer (.dddignore and the built-in rules for secrets and junk): %1</source>
        <translation>
            <numerusform>Ausgelassen: %n Eintrag bleibt auf diesem Computer (.dddignore und die eingebauten Regeln für Geheimnisse und Überflüssiges): %1</numerusform>
            <numerusform>Ausgelassen: %n Einträge bleiben auf diesem Computer (.dddignore und die eingebauten Regeln für Geheimnisse und Überflüssiges): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n Datei, %1</numerusform>
            <numerusform>%n Dateien, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the same checks the agent makes found no problem.</source>
        <translation>%1: Dieselben Prüfungen, die der Agent macht, fanden kein Problem.</translation>
    </message>
    <message numerus="yes">
        <source>%1: nothing blocks the deploy, but read the %n warning(s) above.</source>
        <translation>
            <numerusform>%1: Nichts verhindert die Bereitstellung, aber lesen Sie die %n Warnung oben.</numerusform>
            <numerusform>%1: Nichts verhindert die Bereitstellung, aber lesen Sie die %n Warnungen oben.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteProtection</name>
    <message>
        <source>Public: anyone who knows an address can see the site.</source>
        <translation>Öffentlich: Wer eine Adresse kennt, kann die Website sehen.</translation>
    </message>
    <message>
        <source>Password on every address: visitors sign in as a site user or open a share link.</source>
        <translation>Passwort auf jeder Adresse: Besucher melden sich als Website-Benutzer an oder öffnen einen Freigabelink.</translation>
    </message>
    <message>
        <source>Password on the staging and preview addresses only; the live address is public.</source>
        <translation>Passwort nur auf der Staging- und den Vorschauadressen; die Live-Adresse ist öffentlich.</translation>
    </message>
    <message>
        <source>Password on the staging and preview addresses; the site has no live domain yet.</source>
        <translation>Passwort auf der Staging- und den Vorschauadressen; die Website hat noch keine Live-Domain.</translation>
    </message>
    <message>
        <source>Password on every address: the agent&apos;s operator requires it for every site.</source>
        <translation>Passwort auf jeder Adresse: Der Betreiber des Agenten verlangt es für jede Website.</translation>
    </message>
</context>
<context>
    <name>ddd::app::ActivityPage</name>
    <message>
        <source>Load Older Entries</source>
        <translation>Ältere Einträge laden</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>V&amp;ersion:</source>
        <translation>V&amp;ersion:</translation>
    </message>
    <message>
        <source>Activity of %1</source>
        <translation>Aktivität von %1</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>All versions</source>
        <translation>Alle Versionen</translation>
    </message>
    <message>
        <source>Select a project to see its activity.</source>
        <translation>Wählen Sie ein Projekt, um seine Aktivität zu sehen.</translation>
    </message>
    <message>
        <source>Nothing has happened to this project yet.</source>
        <translation>Mit diesem Projekt ist noch nichts geschehen.</translation>
    </message>
    <message>
        <source>No entries match the chosen event and version.</source>
        <translation>Keine Einträge passen zu Ereignis und Version.</translation>
    </message>
</context>
<context>
    <name>ddd::app::ActivityTableModel</name>
    <message>
        <source>%1 (API token)</source>
        <translation>%1 (API-Token)</translation>
    </message>
    <message>
        <source>Build hook</source>
        <translation>Build-Hook</translation>
    </message>
    <message>
        <source>%1 (build)</source>
        <translation>%1 (Build)</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n Datei, %1</numerusform>
            <numerusform>%n Dateien, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation>Bereitgestellt</translation>
    </message>
    <message>
        <source>Deploy refused</source>
        <translation>Bereitstellung abgelehnt</translation>
    </message>
    <message>
        <source>Went live</source>
        <translation>Live geschaltet</translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation>Zurückgesetzt</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>Unpinned</source>
        <translation>Losgelöst</translation>
    </message>
    <message>
        <source>Version deleted</source>
        <translation>Version gelöscht</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>Einstellungen geändert</translation>
    </message>
    <message>
        <source>API token created</source>
        <translation>API-Token erstellt</translation>
    </message>
    <message>
        <source>API token revoked</source>
        <translation>API-Token widerrufen</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Code: %1</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>aliases</source>
        <translation>Aliase</translation>
    </message>
    <message>
        <source>share links revoked</source>
        <translation>Freigabelinks widerrufen</translation>
    </message>
    <message>
        <source>single-page app</source>
        <translation>Single-Page-App</translation>
    </message>
    <message>
        <source>site password</source>
        <translation>Website-Passwort</translation>
    </message>
    <message>
        <source>build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>minifying</source>
        <translation>Minifizierung</translation>
    </message>
    <message>
        <source>build flags</source>
        <translation>Build-Flags</translation>
    </message>
    <message>
        <source>Signed in with an API token</source>
        <translation>Mit einem API-Token angemeldet</translation>
    </message>
</context>
<context>
    <name>ddd::app::AddressPanel</name>
    <message>
        <source>Site</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Live:</source>
        <translation>Live:</translation>
    </message>
    <message>
        <source>Staging:</source>
        <translation>Staging:</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>Aliasse:</translation>
    </message>
    <message>
        <source>Visitors:</source>
        <translation>Besucher:</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>No domain yet: set one in Settings to go live on it.</source>
        <translation>Noch keine Domain: Legen Sie unter „Einstellungen“ eine fest, um darauf live zu gehen.</translation>
    </message>
    <message>
        <source>%1 (redirect to the live address)</source>
        <translation>%1 (leiten zur Live-Adresse weiter)</translation>
    </message>
    <message>
        <source>HTTPS:</source>
        <translation>HTTPS:</translation>
    </message>
    <message>
        <source>Preview of %1:</source>
        <translation>Vorschau von %1:</translation>
    </message>
</context>
<context>
    <name>ddd::app::AgentConnection</name>
    <message>
        <source>ddd-dashboard on %1</source>
        <translation>ddd-dashboard auf %1</translation>
    </message>
</context>
<context>
    <name>ddd::app::AgentStatusDialog</name>
    <message>
        <source>Agent Status</source>
        <translation>Agentenstatus</translation>
    </message>
    <message>
        <source>Asking the agent…</source>
        <translation>Frage den Agenten …</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation>Letztes Lebenszeichen</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Sites</translation>
    </message>
    <message>
        <source>This agent runs alone: it shares no database with other agents.</source>
        <translation>Dieser Agent läuft allein: Er teilt mit keinem anderen Agenten eine Datenbank.</translation>
    </message>
    <message>
        <source>The list of agents cannot be read (%1).</source>
        <translation>Die Liste der Agenten kann nicht gelesen werden (%1).</translation>
    </message>
    <message>
        <source>Agents sharing this agent&apos;s database: %1.</source>
        <translation>Agenten, die die Datenbank dieses Agenten teilen: %1.</translation>
    </message>
    <message>
        <source>Alive</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Silent</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>database ok</source>
        <translation>Datenbank in Ordnung</translation>
    </message>
    <message>
        <source>database unreachable</source>
        <translation>Datenbank nicht erreichbar</translation>
    </message>
    <message>
        <source>ddd-agent %1, up %2; %3; %4 free of %5.</source>
        <translation>ddd-agent %1, läuft seit %2; %3; %4 von %5 frei.</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>gerade eben</translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation>vor %1</translation>
    </message>
    <message>
        <source>In step</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>%1 s behind</source>
        <translation>%1 s im Rückstand</translation>
    </message>
</context>
<context>
    <name>ddd::app::AgentView</name>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>Builds</source>
        <translation>Builds</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Log In…</source>
        <translation>Anmelden …</translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation>Angemeldet als %1 bei %2</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Verbinde mit %1 …</translation>
    </message>
    <message>
        <source>Not signed in to %1</source>
        <translation>Nicht angemeldet bei %1</translation>
    </message>
    <message>
        <source>Project %1 created. Drop its site folder here to deploy it.</source>
        <translation>Projekt %1 angelegt. Ziehen Sie seinen Website-Ordner hierher, um es bereitzustellen.</translation>
    </message>
    <message>
        <source>Delete Project</source>
        <translation>Projekt löschen</translation>
    </message>
    <message>
        <source>Delete %1 with all its versions and files? Its site goes offline at once. This cannot be undone.</source>
        <translation>%1 mit allen Versionen und Dateien löschen? Die Website geht sofort offline. Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>&amp;Delete Project</source>
        <translation>Projekt &amp;löschen</translation>
    </message>
    <message>
        <source>Project deleted.</source>
        <translation>Projekt gelöscht.</translation>
    </message>
    <message>
        <source>Select the project to deploy to, or drop the folder onto its row.</source>
        <translation>Wählen Sie das Zielprojekt aus oder ziehen Sie den Ordner auf seine Zeile.</translation>
    </message>
    <message>
        <source>The upload of %1 to %2 did not finish. Resuming checks the files again and sends only what the agent is still missing.</source>
        <translation>Der Upload von %1 nach %2 wurde nicht abgeschlossen. Beim Fortsetzen werden die Dateien erneut geprüft und nur noch gesendet, was dem Agenten fehlt.</translation>
    </message>
    <message>
        <source>&amp;Resume Upload</source>
        <translation>Upload &amp;fortsetzen</translation>
    </message>
    <message>
        <source>Deploy Archive</source>
        <translation>Archiv bereitstellen</translation>
    </message>
    <message>
        <source>Deploy Folder</source>
        <translation>Ordner bereitstellen</translation>
    </message>
    <message>
        <source>Site archives (*.zip *.tar *.tar.gz *.tgz)</source>
        <translation>Website-Archive (*.zip *.tar *.tar.gz *.tgz)</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>&amp;Erneut versuchen</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>Upload finished</source>
        <translation>Upload abgeschlossen</translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation>Upload fehlgeschlagen</translation>
    </message>
    <message>
        <source>Build #%1 of %2 succeeded.</source>
        <translation>Build #%1 von %2 war erfolgreich.</translation>
    </message>
    <message>
        <source>Build #%1 of %2 did not succeed: %3.</source>
        <translation>Build #%1 von %2 war nicht erfolgreich: %3.</translation>
    </message>
    <message>
        <source>Build finished</source>
        <translation>Build abgeschlossen</translation>
    </message>
    <message>
        <source>Build failed</source>
        <translation>Build fehlgeschlagen</translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation>Webhooks</translation>
    </message>
</context>
<context>
    <name>ddd::app::AliasList</name>
    <message>
        <source>Add A&amp;lias</source>
        <translation>A&amp;lias hinzufügen</translation>
    </message>
    <message>
        <source>Remove Alias</source>
        <translation>Alias entfernen</translation>
    </message>
    <message>
        <source>example.com (redirects to the domain)</source>
        <translation>example.com (leitet zur Domain weiter)</translation>
    </message>
</context>
<context>
    <name>ddd::app::BuildCommands</name>
    <message>
        <source>Build #%1 is cancelled. Nothing from it goes live.</source>
        <translation>Build #%1 ist abgebrochen. Nichts davon geht live.</translation>
    </message>
    <message>
        <source>%1 is live.</source>
        <translation>%1 ist live.</translation>
    </message>
    <message>
        <source>Build #%1 · %2</source>
        <translation>Build #%1 · %2</translation>
    </message>
    <message>
        <source>Build #%1 · %2 · %3</source>
        <translation>Build #%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Build #%1 is being stopped. Nothing from it goes live.</source>
        <translation>Build #%1 wird angehalten. Nichts davon geht live.</translation>
    </message>
</context>
<context>
    <name>ddd::app::BuildHooksPanel</name>
    <message>
        <source>Build hooks</source>
        <translation>Build-Hooks</translation>
    </message>
    <message>
        <source>Create &amp;Hook</source>
        <translation>&amp;Hook anlegen</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Widerrufen</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Kop&amp;ieren</translation>
    </message>
    <message>
        <source>Name, e.g. CMS or CI</source>
        <translation>Name, z. B. CMS oder CI</translation>
    </message>
    <message>
        <source>A POST to a hook&apos;s address rebuilds the newest source, without a token. Anyone who knows the address can start builds.</source>
        <translation>Ein POST an die Adresse eines Hooks baut den neuesten Quelltext neu, ohne Token. Wer die Adresse kennt, kann Builds starten.</translation>
    </message>
    <message>
        <source>last used %1</source>
        <translation>zuletzt benutzt %1</translation>
    </message>
    <message>
        <source>never used</source>
        <translation>nie benutzt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Copy this address now: it is not shown again.</source>
        <translation>Kopieren Sie diese Adresse jetzt: Sie wird nicht noch einmal angezeigt.</translation>
    </message>
    <message>
        <source>The hook is revoked; calls to its address are refused from now on.</source>
        <translation>Der Hook ist widerrufen; Aufrufe seiner Adresse werden ab jetzt abgewiesen.</translation>
    </message>
</context>
<context>
    <name>ddd::app::BuildLogPage</name>
    <message>
        <source>&amp;Rebuild</source>
        <translation>&amp;Neu bauen</translation>
    </message>
    <message>
        <source>Build the same source again</source>
        <translation>Denselben Quelltext noch einmal bauen</translation>
    </message>
    <message>
        <source>&amp;Cancel Build</source>
        <translation>Build &amp;abbrechen</translation>
    </message>
    <message>
        <source>Stop the build; nothing goes live</source>
        <translation>Den Build anhalten; nichts geht live</translation>
    </message>
    <message>
        <source>&amp;Go Live</source>
        <translation>&amp;Live schalten</translation>
    </message>
    <message>
        <source>Make the version this build produced live</source>
        <translation>Die Version, die dieser Build erzeugt hat, live schalten</translation>
    </message>
    <message>
        <source>Builds of %1</source>
        <translation>Builds von %1</translation>
    </message>
    <message>
        <source>Builds</source>
        <translation>Builds</translation>
    </message>
    <message>
        <source>No builds yet.
Drop a Hugo, Jekyll, MkDocs or npm source folder onto the window and choose Build &amp; Deploy.</source>
        <translation>Noch keine Builds.
Ziehen Sie einen Hugo-, Jekyll-, MkDocs- oder npm-Quellordner auf das Fenster und wählen Sie „Bauen und bereitstellen“.</translation>
    </message>
    <message>
        <source>Select a project to see its builds.</source>
        <translation>Wählen Sie ein Projekt, um seine Builds zu sehen.</translation>
    </message>
    <message>
        <source>Build from &amp;Git</source>
        <translation>Aus &amp;Git bauen</translation>
    </message>
    <message>
        <source>Clone %1 (branch %2) on the agent and build it</source>
        <translation>%1 (Branch %2) auf dem Agenten klonen und bauen</translation>
    </message>
</context>
<context>
    <name>ddd::app::BuildLogView</name>
    <message>
        <source>Previous</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Find the previous match (Shift+F3)</source>
        <translation>Vorherigen Treffer suchen (Umschalt+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Find the next match (F3)</source>
        <translation>Nächsten Treffer suchen (F3)</translation>
    </message>
    <message>
        <source>&amp;Follow output</source>
        <translation>Ausgabe &amp;folgen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Copy the selected lines, or the whole log</source>
        <translation>Die markierten Zeilen kopieren, oder das ganze Protokoll</translation>
    </message>
    <message>
        <source>Select a build to see its log.</source>
        <translation>Wählen Sie einen Build, um sein Protokoll zu sehen.</translation>
    </message>
    <message>
        <source>Find in log</source>
        <translation>Im Protokoll suchen</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
</context>
<context>
    <name>ddd::app::BuildSettingsBox</name>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>the framework&apos;s own (dist, _site, out…)</source>
        <translation>der des Frameworks (dist, _site, out …)</translation>
    </message>
    <message>
        <source>Publish builds automatically</source>
        <translation>Builds automatisch veröffentlichen</translation>
    </message>
    <message>
        <source>A finished build&apos;s version goes live unless the build was started otherwise.</source>
        <translation>Die Version eines fertigen Builds geht live, außer der Build wurde anders gestartet.</translation>
    </message>
    <message>
        <source>Do not minify HTML, CSS and JavaScript</source>
        <translation>HTML, CSS und JavaScript nicht minimieren</translation>
    </message>
    <message>
        <source>--flag --other=value (only flags the operator allows)</source>
        <translation>--flag --anderes=wert (nur vom Betreiber erlaubte Flags)</translation>
    </message>
    <message>
        <source>https://git.example.com/team/site.git (optional)</source>
        <translation>https://git.example.com/team/site.git (optional)</translation>
    </message>
    <message>
        <source>Detect from the source</source>
        <translation>Aus dem Quelltext erkennen</translation>
    </message>
    <message>
        <source>Plain files (no build)</source>
        <translation>Fertige Dateien (kein Build)</translation>
    </message>
    <message>
        <source>The folder the npm script writes the site to, relative to the project.</source>
        <translation>Der Ordner, in den das npm-Skript die Website schreibt, relativ zum Projekt.</translation>
    </message>
    <message>
        <source>A public repository the agent clones for &quot;Build from Git&quot; on the Builds tab.</source>
        <translation>Ein öffentliches Repository, das der Agent für „Aus Git bauen“ im Reiter „Builds“ klont.</translation>
    </message>
    <message>
        <source>&amp;Generator:</source>
        <translation>&amp;Generator:</translation>
    </message>
    <message>
        <source>npm scrip&amp;t:</source>
        <translation>npm-Skrip&amp;t:</translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation>&amp;Ausgabeordner:</translation>
    </message>
    <message>
        <source>&amp;Build flags:</source>
        <translation>&amp;Build-Flags:</translation>
    </message>
    <message>
        <source>Git repos&amp;itory:</source>
        <translation>Git-Repos&amp;itory:</translation>
    </message>
    <message>
        <source>Git bran&amp;ch:</source>
        <translation>Git-Bran&amp;ch:</translation>
    </message>
</context>
<context>
    <name>ddd::app::BuildTableModel</name>
    <message>
        <source>Upload</source>
        <translation>Hochladen</translation>
    </message>
    <message>
        <source>Rebuild</source>
        <translation>Neu gebaut</translation>
    </message>
    <message>
        <source>Build hook</source>
        <translation>Build-Hook</translation>
    </message>
    <message>
        <source>Git</source>
        <translation>Git</translation>
    </message>
    <message>
        <source>Not detected</source>
        <translation>Nicht erkannt</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation>Erfolgreich</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation>Befehl: %1</translation>
    </message>
    <message>
        <source>Toolchain: %1</source>
        <translation>Werkzeuge: %1</translation>
    </message>
    <message>
        <source>Failed: %1 (%2)</source>
        <translation>Fehlgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <source>Started by %1</source>
        <translation>Gestartet von %1</translation>
    </message>
</context>
<context>
    <name>ddd::app::ConnectDialog</name>
    <message>
        <source>I compared this fingerprint with the agent&apos;s certificate: trust it</source>
        <translation>Ich habe diesen Fingerabdruck mit dem Zertifikat des Agenten verglichen: vertrauen</translation>
    </message>
    <message>
        <source>Log In to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <source>Connect to an Agent</source>
        <translation>Mit einem Agenten verbinden</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Verbinden</translation>
    </message>
    <message>
        <source>http://localhost:8081 (optional: where the agent serves sites)</source>
        <translation>http://localhost:8081 (optional: wo der Agent Websites ausliefert)</translation>
    </message>
    <message>
        <source>&amp;Email and password</source>
        <translation>&amp;E-Mail und Passwort</translation>
    </message>
    <message>
        <source>API &amp;token</source>
        <translation>API-&amp;Token</translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation>E-&amp;Mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Passwort:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>&amp;Agent address:</source>
        <translation>&amp;Agent-Adresse:</translation>
    </message>
    <message>
        <source>&amp;Sites address:</source>
        <translation>&amp;Website-Adresse:</translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation>Anmelden mit:</translation>
    </message>
    <message>
        <source>Enter the agent&apos;s address, for example https://deploy.example.com:8443.</source>
        <translation>Geben Sie die Adresse des Agenten ein, zum Beispiel https://deploy.example.com:8443.</translation>
    </message>
    <message>
        <source>Certificate SHA-256 fingerprint:
%1</source>
        <translation>SHA-256-Fingerabdruck des Zertifikats:
%1</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Verbinde …</translation>
    </message>
</context>
<context>
    <name>ddd::app::DashboardActions</name>
    <message>
        <source>&amp;Connect to Agent…</source>
        <translation>Mit Agent &amp;verbinden …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>&amp;Log In Again…</source>
        <translation>Erneut &amp;anmelden …</translation>
    </message>
    <message>
        <source>&amp;Remove Agent</source>
        <translation>Agent &amp;entfernen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation>&amp;Neues Projekt …</translation>
    </message>
    <message>
        <source>&amp;Delete Project…</source>
        <translation>Projekt &amp;löschen …</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Deploy &amp;Folder…</source>
        <translation>&amp;Ordner bereitstellen …</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Deploy &amp;Archive…</source>
        <translation>A&amp;rchiv bereitstellen …</translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation>Ctrl+Shift+D</translation>
    </message>
    <message>
        <source>&amp;Go Live</source>
        <translation>&amp;Live schalten</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>&amp;Roll Back</source>
        <translation>&amp;Zurückrollen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation>Ctrl+Shift+R</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>&amp;Anheften</translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <source>&amp;Delete Version…</source>
        <translation>Version lö&amp;schen …</translation>
    </message>
    <message>
        <source>&amp;Open Site</source>
        <translation>Website ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation>Ctrl+O</translation>
    </message>
    <message>
        <source>&amp;Copy Site Address</source>
        <translation>Website-Adresse &amp;kopieren</translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation>&amp;Versionen</translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <source>&amp;Builds</source>
        <translation>&amp;Builds</translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <source>Project &amp;Settings</source>
        <translation>Projekt&amp;einstellungen</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>Reset Window &amp;Layout</source>
        <translation>Fenster&amp;anordnung zurücksetzen</translation>
    </message>
    <message>
        <source>&amp;About DragDropDeploy</source>
        <translation>&amp;Über DragDropDeploy</translation>
    </message>
    <message>
        <source>Open Pre&amp;view</source>
        <translation>&amp;Vorschau öffnen</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open the selected version at its own address, before or after it goes live</source>
        <translation>Die gewählte Version unter ihrer eigenen Adresse öffnen, vor oder nach dem Live-Gang</translation>
    </message>
    <message>
        <source>Copy Preview &amp;Address</source>
        <translation>Vorschau&amp;adresse kopieren</translation>
    </message>
    <message>
        <source>Version &amp;History</source>
        <translation>Versions&amp;verlauf</translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation>Ctrl+Shift+H</translation>
    </message>
    <message>
        <source>Show who deployed, activated, pinned or deleted the selected version, and when</source>
        <translation>Zeigt, wer die gewählte Version wann bereitgestellt, live geschaltet, angeheftet oder gelöscht hat</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>&amp;Aktivität</translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation>Ctrl+4</translation>
    </message>
    <message>
        <source>Agent &amp;Status…</source>
        <translation>Agenten&amp;status …</translation>
    </message>
</context>
<context>
    <name>ddd::app::DeployDialog</name>
    <message>
        <source>Deploy to %1</source>
        <translation>Bereitstellen in %1</translation>
    </message>
    <message>
        <source>Checking %1 with the agent&apos;s rules and comparing it with the live version…</source>
        <translation>%1 wird mit den Regeln des Agenten geprüft und mit der Live-Version verglichen …</translation>
    </message>
    <message>
        <source>&amp;Upload Only</source>
        <translation>Nur &amp;hochladen</translation>
    </message>
    <message>
        <source>Store the new version without making it live</source>
        <translation>Die neue Version speichern, ohne sie live zu schalten</translation>
    </message>
    <message>
        <source>&amp;Go Live</source>
        <translation>&amp;Live schalten</translation>
    </message>
    <message>
        <source>&amp;Open Site</source>
        <translation>Website ö&amp;ffnen</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>&lt;b&gt;This site cannot be deployed yet.&lt;/b&gt; Fix the problems marked red, then drop it again.</source>
        <translation>&lt;b&gt;Diese Website kann noch nicht bereitgestellt werden.&lt;/b&gt; Beheben Sie die rot markierten Probleme und ziehen Sie sie dann erneut hierher.</translation>
    </message>
    <message>
        <source>Compared with the live version %1:</source>
        <translation>Verglichen mit der Live-Version %1:</translation>
    </message>
    <message>
        <source>%1 has no live version yet:</source>
        <translation>%1 hat noch keine Live-Version:</translation>
    </message>
    <message>
        <source>nothing changed.</source>
        <translation>nichts hat sich geändert.</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed (%4 new, %5 gone).</source>
        <translation>%1 hinzugefügt, %2 geändert, %3 entfernt (%4 neu, %5 weg).</translation>
    </message>
    <message>
        <source>Connection lost (%1). Trying again, attempt %2…</source>
        <translation>Verbindung verloren (%1). Neuer Versuch, Versuch %2 …</translation>
    </message>
    <message>
        <source>Uploading to %1; it goes live when every file has arrived.</source>
        <translation>Wird nach %1 hochgeladen; geht live, sobald alle Dateien angekommen sind.</translation>
    </message>
    <message>
        <source>Uploading to %1…</source>
        <translation>Wird nach %1 hochgeladen …</translation>
    </message>
    <message>
        <source>Asking the agent which files it already has…</source>
        <translation>Frage den Agenten, welche Dateien er schon hat …</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>noch etwa %1</translation>
    </message>
    <message>
        <source>The upload is paused. Resume continues where it stopped, even after the dashboard or the agent restarts.</source>
        <translation>Der Upload ist angehalten. „Fortsetzen“ macht dort weiter, wo er stehen blieb, auch nach einem Neustart von Dashboard oder Agent.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is live&lt;/b&gt; at %2.</source>
        <translation>&lt;b&gt;%1 ist live&lt;/b&gt; unter %2.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is uploaded.&lt;/b&gt; It goes live when you choose Go Live in the version list.</source>
        <translation>&lt;b&gt;%1 ist hochgeladen.&lt;/b&gt; Sie geht live, wenn Sie in der Versionsliste „Live schalten“ wählen.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>%1 files, %2 in all, from an archive of %3.</source>
        <translation>%1 Dateien, insgesamt %2, aus einem Archiv von %3.</translation>
    </message>
    <message>
        <source>%1 files, %2 in all; %3 sent, the agent already had the rest.</source>
        <translation>%1 Dateien, insgesamt %2; %3 gesendet, den Rest hatte der Agent schon.</translation>
    </message>
    <message>
        <source>&amp;Deploy as Is</source>
        <translation>&amp;Unverändert bereitstellen</translation>
    </message>
    <message>
        <source>Publish the folder as it is, without building it</source>
        <translation>Den Ordner so veröffentlichen, wie er ist, ohne ihn zu bauen</translation>
    </message>
    <message>
        <source>&amp;Build &amp;&amp; Deploy</source>
        <translation>&amp;Bauen und bereitstellen</translation>
    </message>
    <message>
        <source>Send the source to the agent, build it there and publish the result</source>
        <translation>Den Quelltext an den Agent senden, dort bauen und das Ergebnis veröffentlichen</translation>
    </message>
    <message>
        <source>This folder is the source of a site. The agent builds it in its sandbox:</source>
        <translation>Dieser Ordner ist der Quelltext einer Website. Der Agent baut ihn in seiner Sandbox:</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Befehl</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <source>Build &amp; Deploy sends the source (only the files the agent lacks) and publishes what the build produces. Deploy as Is publishes the folder unchanged.</source>
        <translation>„Bauen und bereitstellen“ sendet den Quelltext (nur die Dateien, die dem Agent fehlen) und veröffentlicht, was der Build erzeugt. „Unverändert bereitstellen“ veröffentlicht den Ordner, wie er ist.</translation>
    </message>
    <message>
        <source>Sending the source of %1; the agent builds it once every file has arrived.</source>
        <translation>Der Quelltext von %1 wird gesendet; der Agent baut ihn, sobald jede Datei angekommen ist.</translation>
    </message>
    <message>
        <source>The upload of the source was stopped. Build &amp; Deploy again sends only the files the agent still lacks.</source>
        <translation>Das Hochladen des Quelltexts wurde angehalten. „Bauen und bereitstellen“ sendet dann nur die Dateien, die dem Agent noch fehlen.</translation>
    </message>
    <message>
        <source>The source is stored, but the agent started no build.</source>
        <translation>Der Quelltext ist gespeichert, aber der Agent hat keinen Build gestartet.</translation>
    </message>
    <message>
        <source>The site is in the folder %1. The agent publishes that folder, without running anything:</source>
        <translation>Die Website liegt im Ordner %1. Der Agent veröffentlicht diesen Ordner, ohne etwas auszuführen:</translation>
    </message>
    <message>
        <source>The upload to %1 failed: %2</source>
        <translation>Der Upload nach %1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 files, %2 in all; all %3 sent.</source>
        <translation>%1 Dateien, insgesamt %2; alle %3 gesendet.</translation>
    </message>
    <message>
        <source>%1 of %2 is live.</source>
        <translation>%1 von %2 ist live.</translation>
    </message>
    <message>
        <source>%1 of %2 is uploaded.</source>
        <translation>%1 von %2 ist hochgeladen.</translation>
    </message>
</context>
<context>
    <name>ddd::app::DiffTree</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message numerus="yes">
        <source>Added (%n file(s))</source>
        <translation>
            <numerusform>Hinzugefügt (%n Datei)</numerusform>
            <numerusform>Hinzugefügt (%n Dateien)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed (%n file(s))</source>
        <translation>
            <numerusform>Geändert (%n Datei)</numerusform>
            <numerusform>Geändert (%n Dateien)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed (%n file(s))</source>
        <translation>
            <numerusform>Entfernt (%n Datei)</numerusform>
            <numerusform>Entfernt (%n Dateien)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ddd::app::DropArea</name>
    <message>
        <source>Drop a site folder, or a .zip or .tar.gz archive, here to deploy it to the selected project.</source>
        <translation>Ziehen Sie einen Website-Ordner oder ein .zip- oder .tar.gz-Archiv hierher, um es im ausgewählten Projekt bereitzustellen.</translation>
    </message>
</context>
<context>
    <name>ddd::app::HttpsSettingsBox</name>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>Redirect plain HTTP to HTTPS</source>
        <translation>Unverschlüsseltes HTTP auf HTTPS umleiten</translation>
    </message>
    <message>
        <source>Tell browsers to use HTTPS only (HSTS)</source>
        <translation>Browsern sagen, nur HTTPS zu verwenden (HSTS)</translation>
    </message>
    <message>
        <source>Also for every subdomain</source>
        <translation>Auch für alle Subdomains</translation>
    </message>
    <message>
        <source>Allow browsers&apos; preload lists</source>
        <translation>Preload-Listen der Browser erlauben</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Visitors of the domain and its aliases over http:// are sent to https://.</source>
        <translation>Besucher der Domain und ihrer Aliasse über http:// werden zu https:// geleitet.</translation>
    </message>
    <message>
        <source>Browsers that saw it refuse plain HTTP for this long; hard to undo, so start short.</source>
        <translation>Browser, die es gesehen haben, verweigern so lange unverschlüsseltes HTTP; schwer rückgängig zu machen, also kurz beginnen.</translation>
    </message>
    <message>
        <source>Needs every subdomain and at least %1 days.</source>
        <translation>Braucht alle Subdomains und mindestens %1 Tage.</translation>
    </message>
    <message>
        <source>Remembered for</source>
        <translation>Gemerkt für</translation>
    </message>
    <message>
        <source>The agent has no certificate for sites yet, so HTTPS cannot be turned on.</source>
        <translation>Der Agent hat noch kein Zertifikat für Websites, daher lässt sich HTTPS nicht einschalten.</translation>
    </message>
    <message>
        <source>Preload needs &quot;every subdomain&quot; and at least %1 days.</source>
        <translation>Preload braucht „alle Subdomains“ und mindestens %1 Tage.</translation>
    </message>
</context>
<context>
    <name>ddd::app::MainWindow</name>
    <message>
        <source>DragDropDeploy</source>
        <translation>DragDropDeploy</translation>
    </message>
    <message>
        <source>Drop a site folder or archive onto a project to deploy it.</source>
        <translation>Ziehen Sie einen Website-Ordner oder ein Archiv auf ein Projekt, um es bereitzustellen.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Deploy static sites by drag and drop&lt;/h2&gt;&lt;p&gt;Connect to a DragDropDeploy agent to see its projects.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Statische Websites per Drag-and-drop bereitstellen&lt;/h2&gt;&lt;p&gt;Verbinden Sie sich mit einem DragDropDeploy-Agenten, um seine Projekte zu sehen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Connect to an Agent…</source>
        <translation>Mit einem Agenten verbinden …</translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation>&amp;Agent</translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation>&amp;Projekt</translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation>&amp;Version</translation>
    </message>
    <message>
        <source>V&amp;iew</source>
        <translation>A&amp;nsicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>The window layout resets the next time DragDropDeploy starts.</source>
        <translation>Die Fensteranordnung wird beim nächsten Start von DragDropDeploy zurückgesetzt.</translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation>L&amp;ösen</translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation>&amp;Anheften</translation>
    </message>
    <message>
        <source>Remove Agent</source>
        <translation>Agent entfernen</translation>
    </message>
    <message>
        <source>Remove %1 from the dashboard and forget its token on this computer? Sites on the agent are not touched.</source>
        <translation>%1 aus dem Dashboard entfernen und sein Token auf diesem Computer vergessen? Die Websites auf dem Agenten bleiben unberührt.</translation>
    </message>
    <message>
        <source>&amp;Remove Agent</source>
        <translation>Agent &amp;entfernen</translation>
    </message>
    <message>
        <source>About DragDropDeploy</source>
        <translation>Über DragDropDeploy</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;DragDropDeploy %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Deploy static sites to your own server by dropping a folder or an archive.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;DragDropDeploy %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Statische Websites auf den eigenen Server bringen, indem man einen Ordner oder ein Archiv hineinzieht.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No system keychain is running, so agent tokens are kept in %1, readable only by you. Start a keychain service (such as GNOME Keyring or KWallet) to keep them there instead.</source>
        <translation>Es läuft kein Schlüsselbund-Dienst, daher werden die Tokens der Agenten in %1 aufbewahrt, lesbar nur für Sie. Starten Sie einen Schlüsselbund-Dienst (etwa GNOME Keyring oder KWallet), damit sie dort liegen.</translation>
    </message>
</context>
<context>
    <name>ddd::app::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation>&amp;Details</translation>
    </message>
</context>
<context>
    <name>ddd::app::PreflightList</name>
    <message>
        <source>Blocks the deploy</source>
        <translation>Verhindert die Bereitstellung</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>In Ordnung</translation>
    </message>
    <message numerus="yes">
        <source>Blocks the deploy (%n)</source>
        <translation>
            <numerusform>Verhindert die Bereitstellung (%n)</numerusform>
            <numerusform>Verhindert die Bereitstellung (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warnings (%n)</source>
        <translation>
            <numerusform>Warnung (%n)</numerusform>
            <numerusform>Warnungen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
</context>
<context>
    <name>ddd::app::ProjectDialog</name>
    <message>
        <source>New Project</source>
        <translation>Neues Projekt</translation>
    </message>
    <message>
        <source>www.example.com (optional, can be set later)</source>
        <translation>www.example.com (optional, auch später möglich)</translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Anlegen</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Domain:</translation>
    </message>
</context>
<context>
    <name>ddd::app::ProjectTableModel</name>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>Domain</translation>
    </message>
    <message>
        <source>Live version</source>
        <translation>Live-Version</translation>
    </message>
    <message>
        <source>Last deploy</source>
        <translation>Letzte Bereitstellung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message>
        <source>No version yet</source>
        <translation>Noch keine Version</translation>
    </message>
    <message>
        <source>Last deploy failed</source>
        <translation>Letzte Bereitstellung fehlgeschlagen</translation>
    </message>
    <message>
        <source>Deploying…</source>
        <translation>Wird bereitgestellt …</translation>
    </message>
    <message>
        <source>Live, newer version ready</source>
        <translation>Live, neuere Version bereit</translation>
    </message>
    <message>
        <source>Ready, not live</source>
        <translation>Bereit, nicht live</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Live (rolled back)</source>
        <translation>Live (zurückgerollt)</translation>
    </message>
    <message>
        <source>Not live</source>
        <translation>Nicht live</translation>
    </message>
</context>
<context>
    <name>ddd::app::ProjectsPage</name>
    <message>
        <source>No projects yet.
Create one with Project ▸ New Project (%1).</source>
        <translation>Noch keine Projekte.
Legen Sie eines an mit Projekt ▸ Neues Projekt (%1).</translation>
    </message>
    <message>
        <source>Load More Projects</source>
        <translation>Weitere Projekte laden</translation>
    </message>
</context>
<context>
    <name>ddd::app::SettingsCommands</name>
    <message>
        <source>Settings of %1 saved.</source>
        <translation>Einstellungen von %1 gespeichert.</translation>
    </message>
    <message>
        <source>Revoke All Share Links</source>
        <translation>Alle Freigabelinks widerrufen</translation>
    </message>
    <message>
        <source>End every share link of %1 at once, including links already sent to others? Visitors then need a site password.</source>
        <translation>Alle Freigabelinks von %1 sofort beenden, auch die schon an andere verschickten? Besucher brauchen dann ein Website-Passwort.</translation>
    </message>
    <message>
        <source>&amp;Revoke Links</source>
        <translation>Links &amp;widerrufen</translation>
    </message>
    <message>
        <source>Every share link of %1 has stopped working.</source>
        <translation>Kein Freigabelink von %1 funktioniert mehr.</translation>
    </message>
</context>
<context>
    <name>ddd::app::SettingsPage</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>www.example.com (optional)</source>
        <translation>www.example.com (optional)</translation>
    </message>
    <message>
        <source>Single-page app: answer unknown paths with index.html</source>
        <translation>Single-Page-App: unbekannte Pfade mit index.html beantworten</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation>&amp;Domain:</translation>
    </message>
    <message>
        <source>Protect the site with a password</source>
        <translation>Website mit einem Passwort schützen</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message numerus="yes">
        <source>Password (at least %n characters)</source>
        <translation>
            <numerusform>Passwort (ab %n Zeichen)</numerusform>
            <numerusform>Passwort (ab %n Zeichen)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add User</source>
        <translation>Benutzer &amp;hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove User</source>
        <translation>Benutzer &amp;entfernen</translation>
    </message>
    <message>
        <source>Visitors must sign in as one of these users. Passwords are stored hashed; to change one, remove the user and add it again.</source>
        <translation>Besucher müssen sich als einer dieser Benutzer anmelden. Passwörter werden nur als Hash gespeichert; um eines zu ändern, entfernen Sie den Benutzer und fügen ihn neu hinzu.</translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation>Aliasse:</translation>
    </message>
    <message>
        <source>Only staging and preview addresses ask for the password</source>
        <translation>Nur Staging- und Vorschauadressen fragen nach dem Passwort</translation>
    </message>
    <message>
        <source>The live domain and its aliases stay public; the staging address and every version&apos;s preview address ask for the password.</source>
        <translation>Die Live-Domain und ihre Aliasse bleiben öffentlich; die Staging-Adresse und die Vorschauadresse jeder Version fragen nach dem Passwort.</translation>
    </message>
    <message>
        <source>The agent&apos;s operator protects every site on this agent: visitors always need one of these users or a share link, whatever is chosen here.</source>
        <translation>Der Betreiber schützt jede Website auf diesem Agenten: Besucher brauchen immer einen dieser Benutzer oder einen Freigabelink, ganz gleich, was hier gewählt ist.</translation>
    </message>
    <message>
        <source>Create &amp;Share Link…</source>
        <translation>&amp;Freigabelink erstellen…</translation>
    </message>
    <message>
        <source>Revoke All Share &amp;Links…</source>
        <translation>Alle Freigabe&amp;links widerrufen…</translation>
    </message>
    <message>
        <source>A share link lets whoever has it see the protected site, without a password, until it expires.</source>
        <translation>Mit einem Freigabelink sieht jeder, der ihn hat, die geschützte Website ohne Passwort, bis er abläuft.</translation>
    </message>
    <message>
        <source>Site password (required by the agent&apos;s operator)</source>
        <translation>Website-Passwort (vom Betreiber des Agenten verlangt)</translation>
    </message>
    <message>
        <source>Share links are for protected sites: turn the password on and save first.</source>
        <translation>Freigabelinks gibt es für geschützte Websites: Schalten Sie zuerst das Passwort ein und speichern Sie.</translation>
    </message>
    <message>
        <source>Ends every share link of this project issued so far.</source>
        <translation>Beendet jeden bisher ausgestellten Freigabelink dieses Projekts.</translation>
    </message>
    <message>
        <source>%1 is already a user of this site: remove it first to give it a new password.</source>
        <translation>%1 ist schon Benutzer dieser Website: Entfernen Sie ihn zuerst, um ein neues Passwort zu vergeben.</translation>
    </message>
    <message numerus="yes">
        <source>The password is too short: %n more character(s) needed.</source>
        <translation>
            <numerusform>Das Passwort ist zu kurz: Es fehlt noch %n Zeichen.</numerusform>
            <numerusform>Das Passwort ist zu kurz: Es fehlen noch %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the user name that goes with this password.</source>
        <translation>Geben Sie den Benutzernamen zu diesem Passwort ein.</translation>
    </message>
    <message numerus="yes">
        <source>Enter a password of at least %n characters for %1.</source>
        <translation>
            <numerusform>Geben Sie für %1 ein Passwort mit mindestens %n Zeichen ein.</numerusform>
            <numerusform>Geben Sie für %1 ein Passwort mit mindestens %n Zeichen ein.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ddd::app::ShareLinkDialog</name>
    <message>
        <source>Create &amp;Link</source>
        <translation>&amp;Link erstellen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Share Link for %1</source>
        <translation>Freigabelink für %1</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 Tag</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <source>30 days</source>
        <translation>30 Tage</translation>
    </message>
    <message>
        <source>Choose how long the link works, then create it.</source>
        <translation>Wählen Sie, wie lange der Link gilt, und erstellen Sie ihn dann.</translation>
    </message>
    <message>
        <source>Anyone who opens the link sees the site without the password until it expires, from any browser. Send it only to people who may see the site.</source>
        <translation>Wer den Link öffnet, sieht die Website bis zu seinem Ablauf ohne Passwort, in jedem Browser. Schicken Sie ihn nur an Personen, die die Website sehen dürfen.</translation>
    </message>
    <message>
        <source>&amp;Works for:</source>
        <translation>&amp;Gültig für:</translation>
    </message>
    <message>
        <source>Link:</source>
        <translation>Link:</translation>
    </message>
    <message>
        <source>The link works until %1. Revoke All Share Links in the project&apos;s settings ends it sooner.</source>
        <translation>Der Link gilt bis %1. „Alle Freigabelinks widerrufen“ in den Projekteinstellungen beendet ihn früher.</translation>
    </message>
    <message>
        <source>The link is on the clipboard.</source>
        <translation>Der Link ist in der Zwischenablage.</translation>
    </message>
</context>
<context>
    <name>ddd::app::VersionCommands</name>
    <message>
        <source>%1 is live.</source>
        <translation>%1 ist live.</translation>
    </message>
    <message>
        <source>Rolled back: %1 is live again.</source>
        <translation>Zurückgerollt: %1 ist wieder live.</translation>
    </message>
    <message>
        <source>Delete %1? This frees %2 on the agent and cannot be undone.</source>
        <translation>%1 löschen? Das gibt %2 auf dem Agenten frei und lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Delete Version</source>
        <translation>Version löschen</translation>
    </message>
    <message>
        <source>&amp;Delete Version</source>
        <translation>Version &amp;löschen</translation>
    </message>
    <message>
        <source>Version deleted.</source>
        <translation>Version gelöscht.</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>%1 could not go live.</source>
        <translation>%1 konnte nicht live geschaltet werden.</translation>
    </message>
    <message>
        <source>%1 could not be rolled back.</source>
        <translation>%1 konnte nicht zurückgesetzt werden.</translation>
    </message>
    <message>
        <source>%1 could not be unpinned.</source>
        <translation>%1 konnte nicht losgelöst werden.</translation>
    </message>
    <message>
        <source>%1 could not be pinned.</source>
        <translation>%1 konnte nicht angeheftet werden.</translation>
    </message>
    <message>
        <source>%1 could not be deleted.</source>
        <translation>%1 konnte nicht gelöscht werden.</translation>
    </message>
</context>
<context>
    <name>ddd::app::VersionTableModel</name>
    <message>
        <source>Archive</source>
        <translation>Archiv</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>Build</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Dateien</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Unique</source>
        <translation>Eigener Anteil</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation>Angeheftet</translation>
    </message>
    <message>
        <source>(deleted account)</source>
        <translation>(gelöschtes Konto)</translation>
    </message>
    <message>
        <source>Failed: %1 (%2)</source>
        <translation>Fehlgeschlagen: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed; %4 in, %5 out</source>
        <translation>%1 hinzugefügt, %2 geändert, %3 entfernt; %4 hinzu, %5 weg</translation>
    </message>
    <message>
        <source>Last went live %1</source>
        <translation>Zuletzt live geschaltet %1</translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation>Vorschau: %1</translation>
    </message>
</context>
<context>
    <name>ddd::app::VersionsPage</name>
    <message>
        <source>Versions of %1</source>
        <translation>Versionen von %1</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versionen</translation>
    </message>
    <message>
        <source>No versions yet.
Drop the site&apos;s folder or archive onto the window to deploy it.</source>
        <translation>Noch keine Versionen.
Ziehen Sie den Ordner oder das Archiv der Website auf das Fenster, um sie bereitzustellen.</translation>
    </message>
    <message>
        <source>Select a project to see its versions.</source>
        <translation>Wählen Sie ein Projekt, um seine Versionen zu sehen.</translation>
    </message>
    <message>
        <source>Load Older Versions</source>
        <translation>Ältere Versionen laden</translation>
    </message>
</context>
<context>
    <name>ddd::app::WebhookDialog</name>
    <message>
        <source>A version was deployed (deploy.created)</source>
        <translation>Eine Version wurde bereitgestellt (deploy.created)</translation>
    </message>
    <message>
        <source>A build finished, with its outcome (build.finished)</source>
        <translation>Ein Build ist fertig, mit Ergebnis (build.finished)</translation>
    </message>
    <message>
        <source>A version went live (version.activated)</source>
        <translation>Eine Version ging live (version.activated)</translation>
    </message>
    <message>
        <source>The site was rolled back (version.rolled_back)</source>
        <translation>Die Website wurde zurückgerollt (version.rolled_back)</translation>
    </message>
    <message>
        <source>Add Webhook</source>
        <translation>Webhook hinzufügen</translation>
    </message>
    <message>
        <source>https://example.com/hooks/ddd</source>
        <translation>https://example.com/hooks/ddd</translation>
    </message>
    <message>
        <source>Receiver &amp;URL:</source>
        <translation>Empfänger-&amp;URL:</translation>
    </message>
    <message>
        <source>Events:</source>
        <translation>Ereignisse:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Kop&amp;ieren</translation>
    </message>
    <message>
        <source>The webhook is added. This is its signing secret: copy it into your receiver now, it is not shown again. Each delivery carries X-DDD-Signature: t=&lt;time&gt;,v1=&lt;HMAC-SHA256 of &quot;&lt;time&gt;.&lt;body&gt;&quot; with this secret&gt;.</source>
        <translation>Der Webhook ist hinzugefügt. Das ist sein Signaturgeheimnis: Kopieren Sie es jetzt in Ihren Empfänger, es wird nicht noch einmal angezeigt. Jede Zustellung trägt X-DDD-Signature: t=&lt;Zeit&gt;,v1=&lt;HMAC-SHA256 von „&lt;Zeit&gt;.&lt;Inhalt&gt;“ mit diesem Geheimnis&gt;.</translation>
    </message>
</context>
<context>
    <name>ddd::app::WebhooksPage</name>
    <message>
        <source>Delivered</source>
        <translation>Zugestellt</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation>Wird wiederholt</translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation>Empfänger</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Versuche</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Next try</source>
        <translation>Nächster Versuch</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>&amp;Add Webhook…</source>
        <translation>Webhook &amp;hinzufügen…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>&amp;Ausschalten</translation>
    </message>
    <message>
        <source>Send &amp;Test</source>
        <translation>&amp;Test senden</translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>&amp;Redeliver</source>
        <translation>&amp;Erneut zustellen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>A&amp;ktualisieren</translation>
    </message>
    <message>
        <source>Webhooks POST a signed JSON message to your receiver when a version is deployed, a build finishes, a version goes live or the site is rolled back.</source>
        <translation>Webhooks senden eine signierte JSON-Nachricht per POST an Ihren Empfänger, wenn eine Version bereitgestellt wird, ein Build fertig ist, eine Version live geht oder die Website zurückgerollt wird.</translation>
    </message>
    <message>
        <source>Deliveries of the selected webhook, newest first</source>
        <translation>Zustellungen des gewählten Webhooks, neueste zuerst</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Ausgeschaltet</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>The webhook is on again.</source>
        <translation>Der Webhook ist wieder eingeschaltet.</translation>
    </message>
    <message>
        <source>The webhook is off; nothing is sent to it.</source>
        <translation>Der Webhook ist ausgeschaltet; an ihn wird nichts gesendet.</translation>
    </message>
    <message>
        <source>A test event is on its way; Refresh shows how it went.</source>
        <translation>Ein Testereignis ist unterwegs; „Aktualisieren“ zeigt, wie es ausging.</translation>
    </message>
    <message>
        <source>The webhook is deleted.</source>
        <translation>Der Webhook ist gelöscht.</translation>
    </message>
    <message>
        <source>Sent again with the same event id.</source>
        <translation>Mit derselben Ereignis-ID erneut gesendet.</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>&amp;Einschalten</translation>
    </message>
    <message>
        <source>Delete the webhook to %1? Nothing more is sent to it, and its delivery history is deleted with it. To pause it instead, use Disable.</source>
        <translation>Den Webhook an %1 löschen? Es wird nichts mehr an ihn gesendet, und sein Zustellverlauf wird mit ihm gelöscht. Um ihn nur anzuhalten, verwenden Sie „Ausschalten“.</translation>
    </message>
    <message>
        <source>Delete Webhook</source>
        <translation>Webhook löschen</translation>
    </message>
    <message>
        <source>&amp;Delete Webhook</source>
        <translation>Webhook &amp;löschen</translation>
    </message>
</context>
</TS>
