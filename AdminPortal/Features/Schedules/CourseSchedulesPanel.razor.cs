using AdminPortal.Api;
using AdminPortal.Components.Navigation;
using AdminPortal.Domain.Accounts;
using AdminPortal.Domain.Schedules;
using AdminPortal.Features.Configuration;
using Microsoft.AspNetCore.Components;

namespace AdminPortal.Features.Schedules;

public partial class CourseSchedulesPanel
{
    [Inject] private ScheduleConfigService Configs { get; set; } = default!;
    [Inject] private CurrentActor Actor { get; set; } = default!;

    [Parameter, EditorRequired] public int CourseId { get; set; }

    private ConfigEditor<CourseScheduleOverride>? editor;
    private bool createSchedules, canManage;

    protected override async Task OnParametersSetAsync()
    {
        var actor = await Actor.GetAsync();
        canManage = actor.Can(PortalPolicies.ManagePortal);
        var course = CourseId;
        editor = new ConfigEditor<CourseScheduleOverride>(new(
            async () => await Configs.CourseOverrideAsync(course, actor),
            async () => ServiceResult.Of(await Configs.CourseOverrideHistoryAsync(course, actor)),
            async (values, basedOn) => (await Configs.SaveCourseOverrideAsync(course, values.CreateSchedules, basedOn, actor))
                .Map(s => new SaveOutcome<CourseScheduleOverride>(s, null)),
            (version, basedOn) => Configs.RestoreCourseOverrideAsync(course, version, basedOn, actor)));
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        await editor!.LoadAsync();
        createSchedules = editor.Current!.Values.CreateSchedules;
    }

    private async Task SaveAsync()
    {
        if (await editor!.SaveAsync(new CourseScheduleOverride(createSchedules)))
        {
            createSchedules = editor.Current!.Values.CreateSchedules;
        }
    }

    private async Task RestoreAsync(int version)
    {
        if (await editor!.RestoreAsync(version))
        {
            createSchedules = editor.Current!.Values.CreateSchedules;
        }
    }
}
