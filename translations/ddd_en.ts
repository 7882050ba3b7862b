<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AddressOpener</name>
    <message>
        <source>No web browser could be started for %1. Copy the address and open it in a browser yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied %1 to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BuildSettingsRefusal</name>
    <message>
        <source>The agent does not know this generator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This npm script may not run on this agent (see its builds.npm_scripts).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a folder inside the project, without &quot;..&quot;, a leading &quot;/&quot; or backslashes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the folder without &quot;./&quot; and without doubled or trailing slashes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contains a control character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are more build flags than the agent allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is longer than the agent allows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every build flag starts with &quot;-&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A build flag is listed twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CertificateText</name>
    <message>
        <source>Requesting a certificate for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate valid until %1 (%2); renewed automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renewal failed (%1); retrying %2. The current certificate stays valid until %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No certificate yet: the request failed (%1); retrying %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisplayFormat</name>
    <message>
        <source>v%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retired</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s)</source>
        <translation>
            <numerusform>%n second</numerusform>
            <numerusform>%n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain site</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>The agent at %1 could not be reached: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the agent is running and the address is right, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s TLS certificate is not trusted. Its SHA-256 fingerprint is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare this fingerprint with the agent&apos;s certificate. Trust it only if they match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server answered with HTTP status %1 but no DragDropDeploy error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the address: it may point at another web server or a proxy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent sent an answer this dashboard does not understand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a dashboard and an agent of the same release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent sent an answer this dashboard does not understand (field %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file could not be read: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that the file still exists and that you may read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token could not be stored: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that your home folder is writable, then connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system keychain refused access: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock the keychain or allow DragDropDeploy to use it, then connect again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The email address or the password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check both and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not signed in to this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session on this agent has ended or the token was revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in again or paste a new API token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account or token may not do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask an operator, or use a token with the needed capability.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed logins from here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait %1 seconds, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent is busy checking other passwords.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This agent does not accept new accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the operator to create an account for you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project no longer exists, or you may not see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the project list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project name is not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use 1 to 100 characters without control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain is not a valid host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a name like www.example.com: letters, digits and hyphens, at least two labels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another project on this agent already uses this domain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another domain, or remove it from the other project first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The setting %1 was refused: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the setting and save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These build flags are not allowed on this agent: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove them, or ask the operator to add them to builds.flags_allowlist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the version list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This version cannot go live: only ready and retired versions can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a ready version, or deploy the site again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live version cannot be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make another version live first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload session has expired or the agent has restarted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy again: files the agent already holds are not sent twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent and the dashboard disagree about how much of a file arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry: the dashboard asks the agent where to resume.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some files have not reached the agent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resume the upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A file changed while it was being uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until the files stop changing, then drop the folder again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry %1 would land outside the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild the archive without paths that use &quot;..&quot; or start with &quot;/&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name %1 is not allowed on a web site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename the file: no control characters, backslashes or reserved names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a link; sites may only contain plain files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a device, pipe or socket, not a plain file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove it from the site folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive contains %1 twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild the archive so that every path appears once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename one of them: many systems cannot tell them apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path %1 is too long or nested too deeply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorten the folder and file names, or flatten the folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is damaged or incomplete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create the archive again and retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is compressed more than once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a plain .zip, .tar or .tar.gz file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no files to deploy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the folder that contains your site&apos;s index.html.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site is larger than this agent accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove large files, or ask the operator to raise the upload limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload is larger than this agent accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove large files, or ask the operator to raise uploads.max_bytes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent cannot read this kind of archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a .zip, .tar or .tar.gz file, or drop the folder itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent failed while doing this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again. If it keeps failing, the agent&apos;s log names the cause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent could not read or write its database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the operator: the agent&apos;s disk may be full or damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no index.html at the top of the site, so its address answers &quot;not found&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the folder that contains index.html, not the one above it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is large; every deploy and every visitor on a slow connection waits for it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compress or shrink it if you can; the deploy works either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent was sent a file that is not part of this upload.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy again; if it keeps happening, use a dashboard and an agent of the same release.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The domain aliases were refused: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the list of aliases and save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A share link must work for at least a minute and at most 30 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose another lifetime and create the link again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aliases need a domain to redirect to, so set the domain first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there are more aliases than the agent allows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the domain itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lies under the agent&apos;s staging domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a valid host name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the list of builds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source of this build is no longer kept by the agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the source folder again and choose Build &amp; Deploy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build hook no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the list of build hooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent cannot tell how to build this source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the generator in the project&apos;s settings, or drop the built site instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The project&apos;s build settings are not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the generator, npm script and output folder in the project&apos;s settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A build flag of this project is not allowed on this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the flag from the project&apos;s settings, or ask the operator to allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This npm script may not run on this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an allowed script such as build, or ask the operator to allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build has already finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the list of builds to see how it ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent cannot set up its build sandbox, so it builds nothing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the operator to check the agent&apos;s log; meanwhile drop the built site instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent has too many builds waiting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try again when some have finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This build hook was called too often.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent cannot clone from this Git address: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use an https, http or git address without a user name or password, then save again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Git branch name is not one the agent accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use letters, digits, &quot;.&quot;, &quot;_&quot;, &quot;-&quot; and &quot;/&quot;, not starting with &quot;-&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds from Git are turned off on this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the operator to turn them on (builds.git), or drop the source folder instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has no Git repository to build from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the repository under Settings, Build, save, then choose Build from Git again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent could not continue the list where it left off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the link from the site folder. If it stands for a page or asset of your site, put that file itself there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 and %2 differ only in letter case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent&apos;s words: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent refused this: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a receiver address the agent can send to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a full http:// or https:// address without a user name, password or #fragment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This address is on a private or local network, which webhooks may not reach.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a public address, or ask the operator to allow private targets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The receiver&apos;s host name does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the spelling of the address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent does not know one of the chosen events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose from the events the dialog lists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A webhook needs at least one event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the events the receiver should hear about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This project has as many webhooks as it may have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete a webhook you no longer need, then add the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This webhook is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This webhook no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the list of webhooks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This delivery is no longer in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh the delivery log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent does not serve sites over HTTPS yet, so HTTPS settings cannot be turned on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the operator to give the agent a certificate for the domain, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HSTS preload needs &quot;every subdomain&quot; and at least a year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on every subdomain and remember it for 365 days or more, or leave preload off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent could not reach its shared storage bucket, so nothing was deployed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site still serves the version it had. Try again in a few minutes; if it keeps failing, tell the operator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The shared storage bucket refused the agent (%1), so nothing was deployed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell the operator to check the agent&apos;s bucket, keys and permissions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SiteInspector</name>
    <message numerus="yes">
        <source>%n file(s) whose name starts with a dot (such as %1) will be uploaded but never served. Remove secrets like .env or .git from the folder.</source>
        <translation>
            <numerusform>%n file whose name starts with a dot (such as %1) will be uploaded but never served. Remove secrets like .env or .git from the folder.</numerusform>
            <numerusform>%n files whose name starts with a dot (such as %1) will be uploaded but never served. Remove secrets like .env or .git from the folder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out: %n item(s) stay on this computer (.dddignore and the built-in rules for secrets and junk): %1</source>
        <translation>
            <numerusform>Left out: %n item stays on this computer (.dddignore and the built-in rules for secrets and junk): %1</numerusform>
            <numerusform>Left out: %n items stay on this computer (.dddignore and the built-in rules for secrets and junk): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n file, %1</numerusform>
            <numerusform>%n files, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: the same checks the agent makes found no problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1: nothing blocks the deploy, but read the %n warning(s) above.</source>
        <translation>
            <numerusform>%1: nothing blocks the deploy, but read the %n warning above.</numerusform>
            <numerusform>%1: nothing blocks the deploy, but read the %n warnings above.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SiteProtection</name>
    <message>
        <source>Public: anyone who knows an address can see the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password on every address: visitors sign in as a site user or open a share link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password on the staging and preview addresses only; the live address is public.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password on the staging and preview addresses; the site has no live domain yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password on every address: the agent&apos;s operator requires it for every site.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::ActivityPage</name>
    <message>
        <source>Load Older Entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;ersion:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a project to see its activity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has happened to this project yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No entries match the chosen event and version.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::ActivityTableModel</name>
    <message>
        <source>%1 (API token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build hook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (build)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n file, %1</numerusform>
            <numerusform>%n files, %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Deployed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Went live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API token revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>share links revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>single-page app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>site password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>build flags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in with an API token</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::AddressPanel</name>
    <message>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staging:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No domain yet: set one in Settings to go live on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (redirect to the live address)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTTPS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview of %1:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::AgentConnection</name>
    <message>
        <source>ddd-dashboard on %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::AgentStatusDialog</name>
    <message>
        <source>Agent Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the agent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last heartbeat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This agent runs alone: it shares no database with other agents.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list of agents cannot be read (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents sharing this agent&apos;s database: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ddd-agent %1, up %2; %3; %4 free of %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s behind</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::AgentView</name>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log In…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project %1 created. Drop its site folder here to deploy it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 with all its versions and files? Its site goes offline at once. This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the project to deploy to, or drop the folder onto its row.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload of %1 to %2 did not finish. Resuming checks the files again and sends only what the agent is still missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site archives (*.zip *.tar *.tar.gz *.tgz)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build #%1 of %2 succeeded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build #%1 of %2 did not succeed: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::AliasList</name>
    <message>
        <source>Add A&amp;lias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Alias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>example.com (redirects to the domain)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::BuildCommands</name>
    <message>
        <source>Build #%1 is cancelled. Nothing from it goes live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build #%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build #%1 · %2 · %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build #%1 is being stopped. Nothing from it goes live.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::BuildHooksPanel</name>
    <message>
        <source>Build hooks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;Hook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name, e.g. CMS or CI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A POST to a hook&apos;s address rebuilds the newest source, without a token. Anyone who knows the address can start builds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last used %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy this address now: it is not shown again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The hook is revoked; calls to its address are refused from now on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::BuildLogPage</name>
    <message>
        <source>&amp;Rebuild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build the same source again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the build; nothing goes live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the version this build produced live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Builds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No builds yet.
Drop a Hugo, Jekyll, MkDocs or npm source folder onto the window and choose Build &amp; Deploy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a project to see its builds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build from &amp;Git</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clone %1 (branch %2) on the agent and build it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::BuildLogView</name>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the previous match (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find the next match (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Follow output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the selected lines, or the whole log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a build to see its log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::BuildSettingsBox</name>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the framework&apos;s own (dist, _site, out…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not minify HTML, CSS and JavaScript</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--flag --other=value (only flags the operator allows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://git.example.com/team/site.git (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect from the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain files (no build)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder the npm script writes the site to, relative to the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A public repository the agent clones for &quot;Build from Git&quot; on the Builds tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Generator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>npm scrip&amp;t:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Output folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Build flags:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Git repos&amp;itory:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Git bran&amp;ch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish builds automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A finished build&apos;s version goes live unless the build was started otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::BuildTableModel</name>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build hook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Git</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toolchain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::ConnectDialog</name>
    <message>
        <source>I compared this fingerprint with the agent&apos;s certificate: trust it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log In to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to an Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>http://localhost:8081 (optional: where the agent serves sites)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email and password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API &amp;token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agent address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sites address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the agent&apos;s address, for example https://deploy.example.com:8443.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate SHA-256 fingerprint:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::DashboardActions</name>
    <message>
        <source>&amp;Connect to Agent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log In Again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploy &amp;Archive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+D</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roll Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+R</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+P</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Site Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+C</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Builds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project &amp;Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset Window &amp;Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About DragDropDeploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the selected version at its own address, before or after it goes live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy Preview &amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version &amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+H</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show who deployed, activated, pinned or deleted the selected version, and when</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent &amp;Status…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::DeployDialog</name>
    <message>
        <source>Deploy to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1 with the agent&apos;s rules and comparing it with the live version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upload Only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the new version without making it live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;This site cannot be deployed yet.&lt;/b&gt; Fix the problems marked red, then drop it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compared with the live version %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no live version yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed (%4 new, %5 gone).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost (%1). Trying again, attempt %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading to %1; it goes live when every file has arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uploading to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the agent which files it already has…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload is paused. Resume continues where it stopped, even after the dashboard or the agent restarts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is live&lt;/b&gt; at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 is uploaded.&lt;/b&gt; It goes live when you choose Go Live in the version list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files, %2 in all, from an archive of %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files, %2 in all; %3 sent, the agent already had the rest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deploy as Is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish the folder as it is, without building it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Build &amp;&amp; Deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send the source to the agent, build it there and publish the result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This folder is the source of a site. The agent builds it in its sandbox:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build &amp; Deploy sends the source (only the files the agent lacks) and publishes what the build produces. Deploy as Is publishes the folder unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending the source of %1; the agent builds it once every file has arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload of the source was stopped. Build &amp; Deploy again sends only the files the agent still lacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The source is stored, but the agent started no build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site is in the folder %1. The agent publishes that folder, without running anything:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The upload to %1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files, %2 in all; all %3 sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 is live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 is uploaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::DiffTree</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added (%n file(s))</source>
        <translation>
            <numerusform>Added (%n file)</numerusform>
            <numerusform>Added (%n files)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Changed (%n file(s))</source>
        <translation>
            <numerusform>Changed (%n file)</numerusform>
            <numerusform>Changed (%n files)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed (%n file(s))</source>
        <translation>
            <numerusform>Removed (%n file)</numerusform>
            <numerusform>Removed (%n files)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ddd::app::DropArea</name>
    <message>
        <source>Drop a site folder, or a .zip or .tar.gz archive, here to deploy it to the selected project.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::HttpsSettingsBox</name>
    <message>
        <source>HTTPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redirect plain HTTP to HTTPS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell browsers to use HTTPS only (HSTS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also for every subdomain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow browsers&apos; preload lists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitors of the domain and its aliases over http:// are sent to https://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browsers that saw it refuse plain HTTP for this long; hard to undo, so start short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs every subdomain and at least %1 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remembered for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent has no certificate for sites yet, so HTTPS cannot be turned on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preload needs &quot;every subdomain&quot; and at least %1 days.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::MainWindow</name>
    <message>
        <source>DragDropDeploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a site folder or archive onto a project to deploy it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Deploy static sites by drag and drop&lt;/h2&gt;&lt;p&gt;Connect to a DragDropDeploy agent to see its projects.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to an Agent…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;iew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The window layout resets the next time DragDropDeploy starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Un&amp;pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove %1 from the dashboard and forget its token on this computer? Sites on the agent are not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About DragDropDeploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;DragDropDeploy %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Deploy static sites to your own server by dropping a folder or an archive.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No system keychain is running, so agent tokens are kept in %1, readable only by you. Start a keychain service (such as GNOME Keyring or KWallet) to keep them there instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::MessageBar</name>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::PreflightList</name>
    <message>
        <source>Blocks the deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Blocks the deploy (%n)</source>
        <translation>
            <numerusform>Blocks the deploy (%n)</numerusform>
            <numerusform>Blocks the deploy (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warnings (%n)</source>
        <translation>
            <numerusform>Warning (%n)</numerusform>
            <numerusform>Warnings (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::ProjectDialog</name>
    <message>
        <source>New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>www.example.com (optional, can be set later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::ProjectTableModel</name>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last deploy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No version yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last deploy failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deploying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live, newer version ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready, not live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live (rolled back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not live</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::ProjectsPage</name>
    <message>
        <source>No projects yet.
Create one with Project ▸ New Project (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load More Projects</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::SettingsCommands</name>
    <message>
        <source>Settings of %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke All Share Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End every share link of %1 at once, including links already sent to others? Visitors then need a site password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revoke Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every share link of %1 has stopped working.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::SettingsPage</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>www.example.com (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Single-page app: answer unknown paths with index.html</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Domain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protect the site with a password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Password (at least %n characters)</source>
        <translation>
            <numerusform>Password (at least %n characters)</numerusform>
            <numerusform>Password (at least %n characters)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visitors must sign in as one of these users. Passwords are stored hashed; to change one, remove the user and add it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aliases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only staging and preview addresses ask for the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The live domain and its aliases stay public; the staging address and every version&apos;s preview address ask for the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent&apos;s operator protects every site on this agent: visitors always need one of these users or a share link, whatever is chosen here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create &amp;Share Link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revoke All Share &amp;Links…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A share link lets whoever has it see the protected site, without a password, until it expires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Site password (required by the agent&apos;s operator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share links are for protected sites: turn the password on and save first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ends every share link of this project issued so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already a user of this site: remove it first to give it a new password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The password is too short: %n more character(s) needed.</source>
        <translation>
            <numerusform>The password is too short: %n more character needed.</numerusform>
            <numerusform>The password is too short: %n more characters needed.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enter the user name that goes with this password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Enter a password of at least %n characters for %1.</source>
        <translation>
            <numerusform>Enter a password of at least %n character for %1.</numerusform>
            <numerusform>Enter a password of at least %n characters for %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ddd::app::ShareLinkDialog</name>
    <message>
        <source>Create &amp;Link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share Link for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how long the link works, then create it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone who opens the link sees the site without the password until it expires, from any browser. Send it only to people who may see the site.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Works for:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link works until %1. Revoke All Share Links in the project&apos;s settings ends it sooner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The link is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::VersionCommands</name>
    <message>
        <source>%1 is live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rolled back: %1 is live again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? This frees %2 on the agent and cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not go live.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be unpinned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be pinned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::VersionTableModel</name>
    <message>
        <source>Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(deleted account)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 added, %2 changed, %3 removed; %4 in, %5 out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last went live %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::VersionsPage</name>
    <message>
        <source>Versions of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No versions yet.
Drop the site&apos;s folder or archive onto the window to deploy it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a project to see its versions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Load Older Versions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::WebhookDialog</name>
    <message>
        <source>A version was deployed (deploy.created)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A build finished, with its outcome (build.finished)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A version went live (version.activated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The site was rolled back (version.rolled_back)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add Webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https://example.com/hooks/ddd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook is added. This is its signing secret: copy it into your receiver now, it is not shown again. Each delivery carries X-DDD-Signature: t=&lt;time&gt;,v1=&lt;HMAC-SHA256 of &quot;&lt;time&gt;.&lt;body&gt;&quot; with this secret&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ddd::app::WebhooksPage</name>
    <message>
        <source>Delivered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next try</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add Webhook…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De&amp;lete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redeliver</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Webhooks POST a signed JSON message to your receiver when a version is deployed, a build finishes, a version goes live or the site is rolled back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deliveries of the selected webhook, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook is on again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook is off; nothing is sent to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test event is on its way; Refresh shows how it went.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The webhook is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent again with the same event id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the webhook to %1? Nothing more is sent to it, and its delivery history is deleted with it. To pause it instead, use Disable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Webhook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Webhook</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
