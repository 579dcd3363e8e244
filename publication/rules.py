"""Who may publish letters, actions, questions and recommendations on the public pages."""

import rules

from accounts.rules import is_officer

rules.add_perm("publication.publish", is_officer)
