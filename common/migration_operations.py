"""Migration operations for moving a model between apps while keeping its table and its rows."""

from django.db import migrations


class CreateModelUnlessTableExists(migrations.CreateModel):
    """Creates the model's table only where an app of the former layout has not already made it.

    A database made before the move has the table, and its rows are kept; a new one gets it here.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.name)
        if model._meta.db_table in schema_editor.connection.introspection.table_names():
            return
        super().database_forwards(app_label, schema_editor, from_state, to_state)


def relabel_content_types(moves: dict[tuple[str, str], str]):
    """A RunPython operation giving moved models' content types their new app label, so that the
    admin log and permissions that point at them follow the model.

    `moves` maps (old app label, model name) to the new app label.
    """

    def forwards(apps, schema_editor):
        content_types = apps.get_model("contenttypes", "ContentType").objects
        for (old_label, model), new_label in moves.items():
            if not content_types.filter(app_label=new_label, model=model).exists():
                content_types.filter(app_label=old_label, model=model).update(app_label=new_label)

    return migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)
