"""Interchange: read the banks other tools write (GIFT, Aiken), write what they read.

The importers turn another tool's file into a newsquiz bank; the exporters turn
a bank into GIFT, Moodle XML, Aiken, an Anki package, CSV or a Markdown
worksheet. Nothing here prints: what was skipped or changed is returned as
:class:`~newsquiz.interchange.notices.Notice` values that the command renders
through the message catalogue.
"""
