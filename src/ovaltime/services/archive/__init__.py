"""The archive: every result ever imported or recorded, per person, with records and bests.

``importing`` brings files and competitions in; ``identity`` resolves skaters to persons;
``judging`` computes record flags, bests and the Adelskalender; ``rinks`` keeps the rinks and
attaches them to competitions; ``persons`` lets an admin edit identities; ``live`` archives a
result as it is recorded. The lists read the archive through ``ovaltime.store.archive_queries``.
"""
