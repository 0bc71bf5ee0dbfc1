/*
 * The calls PocketSphinxDecoder makes to build a glossary search (PocketSphinxDecoder.Glossary.cs), in C, so that
 * valgrind can watch them: decode with the default search, add the glossary words, interpolate a main model with the
 * glossary model, decode with that search, then add a second glossary and decode with both and the default search.
 *   MAIN=shared  interpolates the default search's own model (ps_get_lm), as the decoder did until 3 Dec 2026
 *   MAIN=copy    interpolates a copy read from the file, as it does now
 * Run it with run-glossary-search-repro.sh.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *ps_args(void);
void *cmd_ln_parse_r(void *inout, void *definitions, int argc, char **argv, int strict);
void *ps_init(void *config);
int ps_start_utt(void *ps);
int ps_process_raw(void *ps, const short *data, size_t samples, int no_search, int full_utt);
int ps_end_utt(void *ps);
const char *ps_get_hyp(void *ps, int *score);
int ps_add_word(void *ps, const char *word, const char *phones, int update);
void *ps_get_lm(void *ps, const char *name);
int ps_set_lm(void *ps, const char *name, void *lm);
int ps_set_search(void *ps, const char *name);
void *ps_get_config(void *ps);
void *ps_get_logmath(void *ps);
void *ngram_model_read(void *config, const char *path, int type, void *logmath);
void *ngram_model_set_init(void *config, void **models, char **names, const float *weights, int count);
void *ngram_model_retain(void *model);
int ngram_model_free(void *model);
void err_set_logfp(void *stream);
void err_set_callback(void *callback, void *data);

#define MODEL "/usr/share/pocketsphinx/model/en-us/"

static void decode(void *ps, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    fseek(f, 44, SEEK_SET);
    short *audio = malloc(size);
    size_t n = fread(audio, 2, (size - 44) / 2, f);
    fclose(f);
    ps_start_utt(ps);
    for (size_t offset = 0; offset < n; offset += 1600)
        ps_process_raw(ps, audio + offset, n - offset < 1600 ? n - offset : 1600, 0, 0);
    ps_end_utt(ps);
    int score;
    const char *hyp = ps_get_hyp(ps, &score);
    printf("  %s: %s\n", path, hyp ? hyp : "");
    free(audio);
}

static void add_search(void *ps, const char *name, const char *arpa, int copy)
{
    void *config = ps_get_config(ps);
    void *glossary = ngram_model_read(config, arpa, 1, ps_get_logmath(ps));
    void *main_model = copy ? ngram_model_read(config, MODEL "en-us.lm.bin", 0, ps_get_logmath(ps))
                            : ngram_model_retain(ps_get_lm(ps, "_default"));
    void *models[2] = { main_model, glossary };
    float weights[2] = { 0.99f, 0.01f };
    char *names[2] = { "main", "glossary" };
    void *set = ngram_model_set_init(config, models, names, weights, 2);
    ngram_model_free(main_model);
    ngram_model_free(glossary);
    if (!set || ps_set_lm(ps, name, set) < 0) { fprintf(stderr, "could not add %s\n", name); exit(2); }
    ngram_model_free(set);
}

int main(int argc, char **argv)
{
    const char *mode = getenv("MAIN");
    int copy = mode && strcmp(mode, "copy") == 0;
    err_set_callback(NULL, NULL);
    err_set_logfp(NULL);
    char *args[] = { "-hmm", MODEL "en-us", "-lm", MODEL "en-us.lm.bin", "-dict", MODEL "cmudict-en-us.dict",
                     "-fwdflat", "no", "-bestpath", "no", "-maxhmmpf", "3000", "-maxwpf", "10", "-ds", "2" };
    void *ps = ps_init(cmd_ln_parse_r(NULL, ps_args(), 16, args, 1));
    const char *dir = argc > 1 ? argv[1] : ".";
    char clips[2][4096];
    snprintf(clips[0], sizeof clips[0], "%s/clip1.wav", dir);
    snprintf(clips[1], sizeof clips[1], "%s/clip2.wav", dir);
    char arpa1[4096], arpa2[4096];
    snprintf(arpa1, sizeof arpa1, "%s/glossary1.arpa", dir);
    snprintf(arpa2, sizeof arpa2, "%s/glossary2.arpa", dir);

    printf("default search (main model: %s)\n", copy ? "copy" : "shared");
    decode(ps, clips[0]);
    decode(ps, clips[1]);
    ps_add_word(ps, "nguyen(2)", "W IH N", 0);
    ps_add_word(ps, "ecclesiastes", "IH K L IY Z IY AE S T IY Z", 0);
    ps_add_word(ps, "zacchaeus", "Z AE K K IY AH S", 0);
    ps_add_word(ps, "babelcast", "B EY B AH L K AE S T", 0);
    ps_add_word(ps, "thessalonians", "TH EH S AH L OW N IY AH N Z", 0);
    add_search(ps, "glossary0", arpa1, copy);
    ps_set_search(ps, "glossary0");
    printf("glossary 1\n");
    decode(ps, clips[0]);
    decode(ps, clips[1]);
    ps_add_word(ps, "nineveh", "N IH N AH V AH", 0);
    add_search(ps, "glossary1", arpa2, copy);
    ps_set_search(ps, "glossary1");
    printf("glossary 2\n");
    decode(ps, clips[0]);
    ps_set_search(ps, "glossary0");
    printf("glossary 1 again\n");
    decode(ps, clips[1]);
    ps_set_search(ps, "_default");
    printf("default search again\n");
    decode(ps, clips[0]);
    return 0;
}
