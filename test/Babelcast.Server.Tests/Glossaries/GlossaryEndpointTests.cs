using System.Net;
using System.Net.Http.Json;
using System.Text;
using Babelcast.Core.Protocol;
using Babelcast.Server.Tests.Http;

namespace Babelcast.Server.Tests.Glossaries;

/// <summary>Glossary CRUD, CSV and session attachment on the real server; limits come from a small configuration.</summary>
[Collection(GlossaryServerCollection.Name)]
public sealed class GlossaryEndpointTests(GlossaryServerFixture fixture)
{
    private static object Body(string name, params object[] entries) => new { name, entries };

    private static object Entry(string term, string? soundsLike = null, object? renderings = null) => new { term, soundsLike, renderings };

    [Fact]
    public async Task Create_Get_Replace_Delete_RoundTrip()
    {
        using var client = fixture.Client(await fixture.SpeakerAsync());

        using var created = await client.PostAsJsonAsync("/api/glossaries", Body(" Names ", Entry(" Pastor  Nguyen ", "pastor win", new { es = "pastor Nguyễn" })));
        var glossary = await ProblemAssert.JsonAsync(created, HttpStatusCode.Created);
        var id = glossary.GetProperty("id").GetString()!;
        Assert.Equal("/api/glossaries/" + id, created.Headers.Location?.ToString());
        Assert.Equal("Names", glossary.GetProperty("name").GetString());
        var entry = glossary.GetProperty("entries")[0];
        Assert.Equal("Pastor Nguyen", entry.GetProperty("term").GetString());
        Assert.Equal("pastor Nguyễn", entry.GetProperty("renderings").GetProperty("es").GetString());

        using var replaced = await client.PutAsJsonAsync($"/api/glossaries/{id}", Body("Books", Entry("Ecclesiastes", null, new { es = "Eclesiastés", fr = "l'Ecclésiaste" })));
        var after = await ProblemAssert.JsonAsync(replaced, HttpStatusCode.OK);
        Assert.Equal("Books", after.GetProperty("name").GetString());
        Assert.Equal("Ecclesiastes", after.GetProperty("entries")[0].GetProperty("term").GetString());

        using var list = await client.GetAsync("/api/glossaries");
        var listed = (await ProblemAssert.JsonAsync(list, HttpStatusCode.OK)).GetProperty("glossaries");
        Assert.Contains(listed.EnumerateArray(), g => g.GetProperty("id").GetString() == id);

        using var deleted = await client.DeleteAsync($"/api/glossaries/{id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var gone = await client.GetAsync($"/api/glossaries/{id}");
        await ProblemAssert.IsProblemAsync(gone, HttpStatusCode.NotFound, ErrorCodes.GlossaryNotFound);
    }

    [Fact]
    public async Task OtherSpeaker_CannotReadChangeExportOrAttach_AndAnonymousIsUnauthorized()
    {
        using var owner = fixture.Client(await fixture.SpeakerAsync());
        using var other = fixture.Client(await fixture.SpeakerAsync());
        using var anonymous = fixture.Client();
        var id = await CreateAsync(owner, Entry("Nguyen"));
        var otherSession = await fixture.Server.CreateSessionAsync(other.DefaultRequestHeaders.Authorization!.Parameter!);

        using var read = await other.GetAsync($"/api/glossaries/{id}");
        await ProblemAssert.IsProblemAsync(read, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        using var put = await other.PutAsJsonAsync($"/api/glossaries/{id}", Body("Mine"));
        await ProblemAssert.IsProblemAsync(put, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        using var delete = await other.DeleteAsync($"/api/glossaries/{id}");
        await ProblemAssert.IsProblemAsync(delete, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        using var csv = await other.GetAsync($"/api/glossaries/{id}/entries.csv");
        await ProblemAssert.IsProblemAsync(csv, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        using var attach = await other.PutAsJsonAsync($"/api/sessions/{otherSession}/glossaries", new { glossaryIds = new[] { id } });
        await ProblemAssert.IsProblemAsync(attach, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
        using var list = await anonymous.GetAsync("/api/glossaries");
        await ProblemAssert.IsProblemAsync(list, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);
        using var create = await anonymous.PostAsJsonAsync("/api/glossaries", Body("x"));
        await ProblemAssert.IsProblemAsync(create, HttpStatusCode.Unauthorized, ErrorCodes.Unauthorized);

        using var still = await owner.GetAsync($"/api/glossaries/{id}");
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
    }

    [Fact]
    public async Task Limits_AreAnsweredWithTheirCodes()
    {
        using var client = fixture.Client(await fixture.SpeakerAsync());
        var tooMany = Enumerable.Range(0, GlossaryServerFixture.MaxEntries + 1).Select(i => Entry("term" + i)).ToArray();

        using var large = await client.PostAsJsonAsync("/api/glossaries", Body("Big", tooMany));
        await ProblemAssert.IsProblemAsync(large, HttpStatusCode.BadRequest, ErrorCodes.GlossaryTooLarge);
        using var longTerm = await client.PostAsJsonAsync("/api/glossaries", Body("Long", Entry(new string('a', GlossaryServerFixture.MaxTermLength + 1))));
        await ProblemAssert.IsProblemAsync(longTerm, HttpStatusCode.BadRequest, ErrorCodes.GlossaryTermTooLong);
        using var badLanguage = await client.PostAsJsonAsync("/api/glossaries", Body("Bad", Entry("Nguyen", null, new Dictionary<string, string> { ["Spanish"] = "x" })));
        await ProblemAssert.IsProblemAsync(badLanguage, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        using var malformed = await SendAsync(client, HttpMethod.Post, "/api/glossaries", "{\"name\":", "application/json");
        await ProblemAssert.IsProblemAsync(malformed, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        using var unknown = await client.GetAsync("/api/glossaries/not-an-id");
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, ErrorCodes.GlossaryNotFound);

        for (var i = 0; i < GlossaryServerFixture.MaxGlossaries; i++)
        {
            await CreateAsync(client, Entry("Nguyen"));
        }

        using var full = await client.PostAsJsonAsync("/api/glossaries", Body("One more"));
        await ProblemAssert.IsProblemAsync(full, HttpStatusCode.Conflict, ErrorCodes.GlossaryLimitReached);
    }

    [Fact]
    public async Task Csv_ExportThenImport_RoundTripsAndBadCsvIsRefused()
    {
        using var client = fixture.Client(await fixture.SpeakerAsync());
        var id = await CreateAsync(client, Entry("Nguyen", "win", new { es = "Nguyễn", fr = "Nguyen, le \"pasteur\"" }), Entry("Ecclesiastes", null, new { pt = "Eclesiastes" }));

        using var export = await client.GetAsync($"/api/glossaries/{id}/entries.csv");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", export.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.StartsWith("term,soundsLike,es,fr,pt\r\nNguyen,win,Nguyễn,\"Nguyen, le \"\"pasteur\"\"\",\r\n", csv, StringComparison.Ordinal);

        using var imported = await SendAsync(client, HttpMethod.Put, $"/api/glossaries/{id}/entries.csv", csv + "Zion,,Sion,,Sião\r\n", "text/csv");
        var glossary = await ProblemAssert.JsonAsync(imported, HttpStatusCode.OK);
        Assert.Equal(3, glossary.GetProperty("entries").GetArrayLength());
        Assert.Equal("Nguyen, le \"pasteur\"", glossary.GetProperty("entries")[0].GetProperty("renderings").GetProperty("fr").GetString());
        Assert.Equal("Sião", glossary.GetProperty("entries")[2].GetProperty("renderings").GetProperty("pt").GetString());

        using var bad = await SendAsync(client, HttpMethod.Put, $"/api/glossaries/{id}/entries.csv", "name,es\nx,y\n", "text/csv");
        await ProblemAssert.IsProblemAsync(bad, HttpStatusCode.BadRequest, ErrorCodes.GlossaryCsvInvalid);
        var rows = "term,soundsLike\n" + string.Concat(Enumerable.Range(0, GlossaryServerFixture.MaxEntries + 1).Select(i => $"t{i},\n"));
        using var tooMany = await SendAsync(client, HttpMethod.Put, $"/api/glossaries/{id}/entries.csv", rows, "text/csv");
        await ProblemAssert.IsProblemAsync(tooMany, HttpStatusCode.BadRequest, ErrorCodes.GlossaryTooLarge);
    }

    [Fact]
    public async Task SessionGlossaries_SetAndRead_OnlyOwnGlossariesWithinTheLimit()
    {
        var token = await fixture.SpeakerAsync();
        using var client = fixture.Client(token);
        var session = await fixture.Server.CreateSessionAsync(token);
        var a = await CreateAsync(client, Entry("Nguyen"));
        var b = await CreateAsync(client, Entry("Zion"));

        using var set = await client.PutAsJsonAsync($"/api/sessions/{session}/glossaries", new { glossaryIds = new[] { b, a, b } });
        var body = await ProblemAssert.JsonAsync(set, HttpStatusCode.OK);
        Assert.Equal([b, a], body.GetProperty("glossaryIds").EnumerateArray().Select(e => e.GetString()));
        using var get = await client.GetAsync($"/api/sessions/{session}/glossaries");
        Assert.Equal([b, a], (await ProblemAssert.JsonAsync(get, HttpStatusCode.OK)).GetProperty("glossaryIds").EnumerateArray().Select(e => e.GetString()));

        using var unknown = await client.PutAsJsonAsync($"/api/sessions/{session}/glossaries", new { glossaryIds = new[] { "0123456789abcdef" } });
        await ProblemAssert.IsProblemAsync(unknown, HttpStatusCode.NotFound, ErrorCodes.GlossaryNotFound);
        var many = Enumerable.Range(0, GlossaryServerFixture.MaxPerSession + 1).Select(i => i.ToString("x16", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        using var tooMany = await client.PutAsJsonAsync($"/api/sessions/{session}/glossaries", new { glossaryIds = many });
        await ProblemAssert.IsProblemAsync(tooMany, HttpStatusCode.BadRequest, ErrorCodes.GlossaryTooLarge);
        using var noList = await client.PutAsJsonAsync($"/api/sessions/{session}/glossaries", new { });
        await ProblemAssert.IsProblemAsync(noList, HttpStatusCode.BadRequest, ErrorCodes.ValidationFailed);
        using var otherClient = fixture.Client(await fixture.SpeakerAsync());
        using var notOwner = await otherClient.GetAsync($"/api/sessions/{session}/glossaries");
        await ProblemAssert.IsProblemAsync(notOwner, HttpStatusCode.Forbidden, ErrorCodes.Forbidden);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, string body, string mediaType)
    {
        using var content = new StringContent(body, Encoding.UTF8, mediaType);
        using var request = new HttpRequestMessage(method, path) { Content = content };
        return await client.SendAsync(request);
    }

    private static async Task<string> CreateAsync(HttpClient client, params object[] entries)
    {
        using var response = await client.PostAsJsonAsync("/api/glossaries", Body("Glossary", entries));
        var glossary = await ProblemAssert.JsonAsync(response, HttpStatusCode.Created);
        return glossary.GetProperty("id").GetString()!;
    }
}
